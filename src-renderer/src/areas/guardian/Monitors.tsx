import type { ReactNode } from 'react';
import type { Monitor, MonitorStats, MonitorTypeInfo } from '../../../../shared/contract/guardian';
import { getApi } from '../../api/client';
import { useAction } from '../../hooks/use-action';
import { MonitorForm } from './MonitorForm';
import { MonitorRow } from './MonitorRow';

interface Props {
  monitors: Monitor[];
  /** guardian.monitorTypes, once read: the form's types and fields. */
  types: MonitorTypeInfo[] | undefined;
  /** guardian.monitorStats by monitor id, once read. */
  stats: ReadonlyMap<string, MonitorStats>;
  /** The page's time window: every response-time chart shares it. */
  span: { from: number; to: number };
  /** The charts' time-window control, shown in this section's head. */
  windowControl: ReactNode;
  adding: boolean;
  onAdding(adding: boolean): void;
  onChecked(monitors: Monitor[]): void;
  /** A monitor was added, edited, paused or removed: read everything again. */
  onChanged(): void;
}

/** The live monitors first on the Guardian page: each with its state and history; add, edit, pause, maintenance, delete; "Check now". */
export function Monitors({ monitors, types, stats, span, windowControl, adding, onAdding, onChecked, onChanged }: Props) {
  const check = useAction();
  const runCheck = () =>
    check.run(async () => {
      const r = await getApi().guardian.check({});
      onChecked(r.monitors);
    });
  const counts = (['UP', 'DOWN', 'PENDING', 'MAINTENANCE'] as const).map((s) => [s, monitors.filter((m) => m.state === s).length] as const).filter(([, n]) => n > 0);

  return (
    <section className="card gmonitors" aria-labelledby="gmonitors-title" data-testid="guardian-monitors">
      <div className="section-head">
        <h2 id="gmonitors-title">Monitors</h2>
        {counts.length > 0 ? <span className="muted">{counts.map(([s, n]) => `${n} ${s}`).join(' · ')}</span> : null}
        <div className="toolbar">
          {windowControl}
          {check.error ? <span className="field-error">Check failed: {check.error.message}</span> : null}
          <button type="button" className="button button--ghost" onClick={() => onAdding(!adding)} disabled={!types} aria-expanded={adding}>
            Add a monitor
          </button>
          <button type="button" className="button" onClick={() => void runCheck()} disabled={check.pending || monitors.length === 0}>
            {check.pending ? 'Checking…' : 'Check now'}
          </button>
        </div>
      </div>
      {adding && types ? (
        <MonitorForm
          types={types}
          onClose={() => onAdding(false)}
          onSaved={() => {
            onAdding(false);
            onChanged();
          }}
        />
      ) : null}
      {monitors.length === 0 ? (
        <p className="muted" data-testid="guardian-monitors-empty">
          No monitors yet: nothing is watched, so there is no health score. Add one with <strong>Add a monitor</strong> (a URL, a cron job&rsquo;s heartbeat, the remote Postgres or the app itself).
        </p>
      ) : (
        <ul className="plain-list gmon__list">
          {monitors.map((m) => (
            <MonitorRow key={m.id} monitor={m} info={types?.find((t) => t.type === m.type)} types={types} stats={stats.get(m.id)} span={span} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}
