import { useEffect, useState } from 'react';
import { getApi } from '../../../api/client';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { toLevqorError } from '../../../api/to-levqor-error';

/** The saved webhook's URL and secret (hidden until shown), with rotation. */
export function WebhookSecret({ workflowId }: { workflowId: string }) {
  const [info, setInfo] = useState<{ url: string; secret: string } | undefined>(undefined);
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    getApi()
      .workflows.get({ id: workflowId })
      .then((w) => live && setInfo(w.webhook ? { url: w.webhook.url, secret: w.webhook.secret } : undefined))
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
  return (
    <div className="wfe-webhook">
      <div className="wfe-field">
        <span className="wfe-label">URL</span>
        <code>{`${window.location.origin}${info.url}`}</code>
      </div>
      <div className="wfe-field">
        <span className="wfe-label">Secret (header x-levqor-secret)</span>
        <div className="wfe-webhook__secret">
          <code>{shown ? info.secret : '•'.repeat(24)}</code>
          <button type="button" className="button button--ghost" onClick={() => setShown(!shown)}>
            {shown ? 'Hide' : 'Show'}
          </button>
          <button type="button" className="button button--ghost" onClick={() => void rotate()}>
            Rotate
          </button>
        </div>
      </div>
    </div>
  );
}
