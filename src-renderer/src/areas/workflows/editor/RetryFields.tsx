import type { RawNode } from './doc-ops';
import { FieldErrors } from './FieldErrors';

type Retry = { maxAttempts?: number; backoff?: string; initialMs?: number; maxMs?: number; jitter?: boolean };

/** Retry policy and the per-attempt timeout of one step. */
export function RetryFields({ nodeId, node, errors, onPatch }: { nodeId: string; node: RawNode; errors: Record<string, string[]>; onPatch: (p: (n: RawNode) => RawNode, key: string) => void }) {
  const retry = (node.retry && typeof node.retry === 'object' ? node.retry : {}) as Retry;
  const setRetry = (patch: Partial<Retry>, key: string) =>
    onPatch((n) => {
      const next: Record<string, unknown> = { ...retry, ...patch };
      for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
      const out = { ...n };
      if (Object.keys(next).length) out.retry = next;
      else delete out.retry;
      return out;
    }, `retry:${nodeId}:${key}`);
  const num = (v: string) => (v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));
  return (
    <div className="wfe-grid2">
      <div className="wfe-field">
        <label htmlFor="wfe-retry-max">Attempts</label>
        <input id="wfe-retry-max" className="wfe-input" inputMode="numeric" placeholder="1" value={retry.maxAttempts ?? ''} onChange={(e) => setRetry({ maxAttempts: num(e.target.value) }, 'max')} />
        <FieldErrors messages={errors['retry.maxAttempts']} />
      </div>
      <div className="wfe-field">
        <label htmlFor="wfe-retry-backoff">Backoff</label>
        <select id="wfe-retry-backoff" className="select wfe-input" value={retry.backoff ?? ''} onChange={(e) => setRetry({ backoff: e.target.value || undefined }, 'backoff')}>
          <option value="">Default (exponential)</option>
          <option value="exponential">exponential</option>
          <option value="fixed">fixed</option>
        </select>
      </div>
      <div className="wfe-field">
        <label htmlFor="wfe-retry-initial">First wait (ms)</label>
        <input id="wfe-retry-initial" className="wfe-input" inputMode="numeric" placeholder="500" value={retry.initialMs ?? ''} onChange={(e) => setRetry({ initialMs: num(e.target.value) }, 'initial')} />
        <FieldErrors messages={errors['retry.initialMs']} />
      </div>
      <div className="wfe-field">
        <label htmlFor="wfe-retry-maxms">Longest wait (ms)</label>
        <input id="wfe-retry-maxms" className="wfe-input" inputMode="numeric" placeholder="60000" value={retry.maxMs ?? ''} onChange={(e) => setRetry({ maxMs: num(e.target.value) }, 'maxms')} />
        <FieldErrors messages={errors['retry.maxMs']} />
      </div>
      <div className="wfe-field">
        <label htmlFor="wfe-timeout">Timeout per attempt</label>
        <input
          id="wfe-timeout"
          className="wfe-input"
          placeholder="the step’s default"
          value={typeof node.timeout === 'string' ? node.timeout : ''}
          onChange={(e) =>
            onPatch((n) => {
              const out = { ...n };
              if (e.target.value) out.timeout = e.target.value;
              else delete out.timeout;
              return out;
            }, `timeout:${nodeId}`)
          }
        />
        <FieldErrors messages={errors.timeout} />
      </div>
      <FieldErrors messages={errors.retry} />
    </div>
  );
}
