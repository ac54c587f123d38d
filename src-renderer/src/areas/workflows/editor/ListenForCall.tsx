import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../../../shared/contract';
import { getApi } from '../../../api/client';
import { CopyButton } from '../../../components/CopyButton';
import { formatJson } from '../../../format/json';
import { formatTimeExact } from '../../../format/time';
import { workflowsHref } from '../routes';
import { setSampleInput, useSampleInput } from './sample-input';

type Call = EventPayload<'workflows.webhookReceived'>;

/** Listening stops by itself after this long. */
const LISTEN_MS = 10 * 60_000;

/**
 * "Listen for a test call": waits for the next call to this webhook (the event
 * `workflows.webhookReceived`; the call runs the workflow as any call does), shows its body and
 * offers it as sample input for the step data panel.
 */
export function ListenForCall({ workflowId, url, secret }: { workflowId: string; url: string; secret: string }) {
  const [listening, setListening] = useState(false);
  const [call, setCall] = useState<Call | undefined>(undefined);
  const [gaveUp, setGaveUp] = useState(false);
  const sample = useSampleInput(workflowId);
  useEffect(() => {
    if (!listening) return;
    const off = getApi().on('workflows.webhookReceived', (p) => {
      if (p.workflowId !== workflowId) return;
      setCall(p);
      setListening(false);
    });
    const timer = window.setTimeout(() => {
      setListening(false);
      setGaveUp(true);
    }, LISTEN_MS);
    return () => {
      off();
      window.clearTimeout(timer);
    };
  }, [listening, workflowId]);

  const curl = `curl -X POST '${url}' -H 'x-levqor-secret: ${secret}' -H 'content-type: application/json' -d '{"id": 1}'`;
  const input = call ? { body: call.body, headers: call.headers } : undefined;
  const inUse = input !== undefined && sample !== undefined && JSON.stringify(sample) === JSON.stringify(input);
  return (
    <div className="wfe-listen" data-testid="webhook-listen">
      {listening ? (
        <div className="wfe-listen__waiting" role="status">
          <p>
            <span className="wfe-listen__dot" aria-hidden="true" /> Waiting for the next call to this webhook (it runs the workflow as usual). Try:
          </p>
          <div className="wfe-webhook__row">
            <code className="wfe-listen__curl">{curl}</code>
            <CopyButton value={curl} what="the curl command" />
          </div>
          <button type="button" className="button button--ghost" onClick={() => setListening(false)}>
            Stop listening
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="button button--ghost"
          data-testid="listen-for-call"
          onClick={() => {
            setGaveUp(false);
            setListening(true);
          }}
        >
          {call ? 'Listen for another call' : 'Listen for a test call'}
        </button>
      )}
      {gaveUp ? <p className="muted">No call came in {LISTEN_MS / 60_000} minutes; listening stopped.</p> : null}
      {call && input ? (
        <div className="wfe-listen__call" data-testid="webhook-call">
          <p className="muted">
            Received {formatTimeExact(call.at)} · <a href={workflowsHref.run(workflowId, call.runId)}>its run</a>
          </p>
          <span className="wfe-label">Body</span>
          <pre className="wfe-listen__body" data-testid="webhook-call-body">
            {formatJson(call.body)}
          </pre>
          <details>
            <summary>Headers ({Object.keys(call.headers).length})</summary>
            <pre className="wfe-listen__body">{formatJson(call.headers)}</pre>
          </details>
          <button type="button" className="button" disabled={inUse} onClick={() => setSampleInput(workflowId, input)} data-testid="use-sample-input">
            {inUse ? 'Used as sample input' : 'Use as sample input'}
          </button>
          <p className="wfe-field__help">Sample input is what the step data panel shows as <code>trigger</code>, to pick fields from.</p>
        </div>
      ) : null}
    </div>
  );
}
