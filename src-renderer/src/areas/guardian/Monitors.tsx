import { useState } from 'react';
import type { Monitor, MonitorTypeInfo } from '../../../../shared/contract/guardian';
import { monitorTarget } from '../../../../shared/monitors';
import { getApi } from '../../api/client';
import { useAction } from '../../hooks/use-action';
import { formatAgo, formatLatency } from '../../format/time';
import { toneClass } from '../../components/tone';
import { stateTone } from './format';
import { MonitorForm } from './MonitorForm';

interface Props {
  monitors: Monitor[];
  /** guardian.monitorTypes, once read: the form's types and fields. */
  types: MonitorTypeInfo[] | undefined;
  onChecked(monitors: Monitor[]): void;
}

/** Every monitor with its state badge, last message and "Check now" (guardian.check, all at once); the form for a new one. */
export function Monitors({ monitors, types, onChecked }: Props) {
  const check = useAction();
  const [adding, setAdding] = useState(false);
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
          <button type="button" className="button button--ghost" onClick={() => setAdding(!adding)} disabled={!types} aria-expanded={adding}>
            Add a monitor
          </button>
          <button type="button" className="button" onClick={() => void runCheck()} disabled={check.pending || monitors.length === 0}>
            {check.pending ? 'Checking…' : 'Check now'}
          </button>
        </div>
      </div>
      {adding && types ? <MonitorForm types={types} onClose={() => setAdding(false)} /> : null}
      {monitors.length === 0 ? (
        <p className="muted" data-testid="guardian-monitors-empty">
          No monitors yet. Add one with <strong>Add a monitor</strong>, or from the command line, e.g. <code>levqor monitor add --type http --url https://example.com</code>.
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
                <code className="gmon__target">{monitorTarget(m, types?.find((t) => t.type === m.type))}</code>
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
