import { useEffect, useState } from 'react';
import type { WorkflowDetail } from '../../../../../shared/contract/workflows';
import { getApi } from '../../../api/client';
import { CopyButton } from '../../../components/CopyButton';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { toLevqorError } from '../../../api/to-levqor-error';
import { ListenForCall } from './ListenForCall';

type WebhookInfo = NonNullable<WorkflowDetail['webhook']>;

/**
 * In a browser, the server the page came from answers the webhook, by the name the browser
 * reached it (a tunnel's, an --allow-host name); the desktop window is not served over HTTP,
 * so its webhooks go to the app's inbound server, when it listens.
 */
function webhookUrl(info: WebhookInfo): string | undefined {
  return window.levqor ? info.listenUrl : `${window.location.origin}${info.url}`;
}

/** The saved webhook's URL and secret (hidden until shown) with copy buttons, rotation, and listening for a test call. */
export function WebhookPanel({ workflowId }: { workflowId: string }) {
  const [info, setInfo] = useState<WebhookInfo | undefined>(undefined);
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    getApi()
      .workflows.get({ id: workflowId })
      .then((w) => live && setInfo(w.webhook))
      .catch((err: unknown) => live && setError(toLevqorError(err).message));
    return () => {
      live = false;
    };
  }, [workflowId]);
  if (error) return <ErrorNotice message={error} inline />;
  if (!info) return <p className="muted">The webhook goes live (with its secret) once the workflow is saved without problems.</p>;
  const rotate = async () => {
    if (!window.confirm('Give this webhook a new secret? The old one stops working at once.')) return;
    try {
      const { secret } = await getApi().workflows.rotateSecret({ id: workflowId });
      setInfo({ ...info, secret });
      setShown(true);
    } catch (err) {
      setError(toLevqorError(err).message);
    }
  };
  const url = webhookUrl(info);
  return (
    <div className="wfe-webhook">
      <div className="wfe-field">
        <span className="wfe-label">URL</span>
        <div className="wfe-webhook__row">
          {url ? (
            <>
              <code data-testid="webhook-url">{url}</code>
              <CopyButton value={url} what="the webhook URL" testId="copy-webhook-url" />
            </>
          ) : (
            <p className="muted" data-testid="webhook-not-listening">
              Nothing receives this webhook now: {info.notListening}
            </p>
          )}
        </div>
      </div>
      <div className="wfe-field">
        <span className="wfe-label">Secret (header x-levqor-secret)</span>
        <div className="wfe-webhook__row">
          <code>{shown ? info.secret : '•'.repeat(24)}</code>
          <button type="button" className="button button--ghost" onClick={() => setShown(!shown)}>
            {shown ? 'Hide' : 'Show'}
          </button>
          <CopyButton value={info.secret} what="the webhook secret" testId="copy-webhook-secret" />
          <button type="button" className="button button--ghost" onClick={() => void rotate()}>
            Rotate
          </button>
        </div>
      </div>
      {url && <ListenForCall workflowId={workflowId} url={url} secret={info.secret} />}
    </div>
  );
}
