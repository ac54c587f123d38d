import type { Monitor } from '../../../../shared/contract/guardian';
import { getApi } from '../../api/client';
import { useAction } from '../../hooks/use-action';
import { formatAgo, formatLatency } from '../../format/time';
import { toneClass } from '../../components/tone';
import { stateTone } from './format';

function target(m: Monitor): string {
  if (m.type === 'http') return m.url ?? '';
  if (m.type === 'internal') return `internal: ${m.check ?? ''}`;
  if (m.type === 'push') return m.pushPath ?? 'push';
  return 'remote Postgres';
}

/** Every monitor with its state badge, last message and "Check now" (guardian.check, all at once). */
export function Monitors({ monitors, onChecked }: { monitors: Monitor[]; onChecked(monitors: Monitor[]): void }) {
  const check = useAction();
  const runCheck = () =>
    check.run(async () => {
      const r = await getApi().guardian.check({});
      onChecked(r.monitors);
    });

  return (
    <section className="card gmonitors" aria-labelledby="gmonitors-title" data-testid="guardian-monitors">
      <div className="section-head">
        <h2 id="gmonitors-title">Monitors</h2>
        <div className="toolbar">
          {check.error ? <span className="field-error">Check failed: {check.error.message}</span> : null}
          <button type="button" className="button" onClick={() => void runCheck()} disabled={check.pending || monitors.length === 0}>
            {check.pending ? 'Checking…' : 'Check now'}
          </button>
        </div>
      </div>
      {monitors.length === 0 ? (
        <p className="muted" data-testid="guardian-monitors-empty">
          No monitors yet. Add one from the command line, e.g. <code>levqor monitor add --type http --url https://example.com</code>.
        </p>
      ) : (
        <ul className="plain-list gmon__list">
          {monitors.map((m) => (
            <li key={m.id} className="gmon" data-testid={`monitor-${m.name}`}>
              <span className={`pill pill--outlined gstate ${toneClass(stateTone[m.state])}`} data-testid="monitor-state">
                {m.state}
              </span>
              <div className="row-text gmon__main">
                <span className="gmon__name">
                  {m.name} <span className="gmon__type muted">{m.type}</span>
                  {m.paused ? <span className="pill pill--muted">paused</span> : null}
                </span>
                <code className="gmon__target">{target(m)}</code>
                {m.lastMessage ? <span className="gmon__msg muted">{m.lastMessage}</span> : null}
              </div>
              <div className="gmon__meta muted">
                <span>{m.lastMs !== null ? formatLatency(m.lastMs) : '—'}</span>
                <span>{m.lastCheckAt !== null ? `checked ${formatAgo(Date.now() - m.lastCheckAt)}` : 'not checked yet'}</span>
                <span>every {m.intervalSeconds} s</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
