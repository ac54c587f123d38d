import { formatBytes } from '../../../../shared/bytes';
import { toneClass } from '../../components/tone';
import type { FileSend } from './use-file-sends';

const stateTone = { sending: 'info', done: 'good', failed: 'bad' } as const;

/** The files just dropped: each with its progress, then "added" or why it was refused. */
export function SendList({ sends, testId }: { sends: FileSend[]; testId: string }) {
  if (sends.length === 0) return null;
  return (
    <ul className="plain-list lx-sends" data-testid={testId} aria-live="polite">
      {sends.map((s) => (
        <li key={s.id} className="lx-send" data-state={s.state}>
          <span className={`dot ${toneClass(stateTone[s.state])}`}>{s.name}</span>
          {s.state === 'sending' ? (
            <span className="muted num">
              {formatBytes(s.sent)} of {formatBytes(s.size)}
            </span>
          ) : s.state === 'done' ? (
            <span className="muted">added · {formatBytes(s.size)}</span>
          ) : (
            <span className="field-error">{s.error}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
