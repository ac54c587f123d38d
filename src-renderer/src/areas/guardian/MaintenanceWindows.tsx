import { useId, useState } from 'react';
import type { MaintenanceWindow, Monitor } from '../../../../shared/contract/guardian';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAction } from '../../hooks/use-action';
import { formatTime } from '../../format/time';

const hourMs = 3_600_000;

/** `datetime-local` text for a time, in the founder's time zone. */
function localInput(at: number): string {
  const d = new Date(at - new Date(at).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/**
 * A monitor's maintenance windows: while one is on, checks show MAINTENANCE, cost no points and
 * send no alert. Added and removed through guardian.updateMonitor (the whole list each time).
 */
export function MaintenanceWindows({ monitor, onSaved }: { monitor: Monitor; onSaved(m: Monitor): void }) {
  const id = useId();
  const [from, setFrom] = useState(() => localInput(Date.now()));
  const [to, setTo] = useState(() => localInput(Date.now() + hourMs));
  const [reason, setReason] = useState('');
  const save = useAction();
  const now = Date.now();
  const windows = monitor.maintenance;
  const put = (next: MaintenanceWindow[]) =>
    save.run(async () => {
      onSaved(await getApi().guardian.updateMonitor({ id: monitor.id, maintenance: next }));
    });
  const fromAt = new Date(from).getTime();
  const toAt = new Date(to).getTime();
  const problem = !Number.isFinite(fromAt) ? 'From: enter a date and time' : !Number.isFinite(toAt) ? 'To: enter a date and time' : toAt <= fromAt ? 'To: must be after From' : undefined;
  const add = () => {
    if (problem) return;
    void put([...windows, { from: fromAt, to: toAt, ...(reason.trim() ? { reason: reason.trim() } : {}) }]).then((ok) => ok && setReason(''));
  };

  return (
    <div className="gmaint" data-testid="monitor-maintenance">
      <h3 className="eyebrow">Maintenance windows</h3>
      {windows.length === 0 ? (
        <p className="muted">None. During a window checks show MAINTENANCE, cost no points and send no alert.</p>
      ) : (
        <ul className="plain-list gmaint__list">
          {windows.map((w, i) => (
            <li key={`${w.from}-${w.to}-${i}`} className="gmaint__item" data-testid="maintenance-window" data-active={now >= w.from && now < w.to}>
              <span>
                {formatTime(w.from)} → {formatTime(w.to)}
                {w.reason ? <span className="muted"> · {w.reason}</span> : null}
                {now >= w.from && now < w.to ? <span className="pill pill--outlined tone--plan"> on now</span> : now >= w.to ? <span className="muted"> (over)</span> : null}
              </span>
              <button type="button" className="button button--ghost button--small" disabled={save.pending} onClick={() => void put(windows.filter((_, j) => j !== i))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="toolbar gmaint__add">
        <label htmlFor={`${id}-from`}>From</label>
        <input id={`${id}-from`} className="input" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
        <label htmlFor={`${id}-to`}>To</label>
        <input id={`${id}-to`} className="input" type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
        <label htmlFor={`${id}-reason`}>Reason</label>
        <input id={`${id}-reason`} className="input" value={reason} placeholder="deploy, provider maintenance…" maxLength={200} onChange={(e) => setReason(e.target.value)} />
        <button type="button" className="button button--ghost" disabled={problem !== undefined || save.pending} onClick={add}>
          Add window
        </button>
      </div>
      {problem ? <p className="field-error">{problem}</p> : null}
      <ErrorNotice message={save.error} inline />
    </div>
  );
}
