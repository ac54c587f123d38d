import { useEffect, useState } from 'react';
import type { NotifyStatus } from '../../../../shared/contract/notify';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { When } from '../../components/When';
import { useAction } from '../../hooks/use-action';
import { useLoad } from '../../hooks/use-load';
import { outboxPollMs } from './use-outbox';

const pauseChoices = [
  { minutes: 60, label: '1 hour' },
  { minutes: 4 * 60, label: '4 hours' },
  { minutes: 24 * 60, label: '24 hours' },
];

/** Pause alerts (notify.pause) or go on now (notify.resume); the tray can pause too and has no event, so the state is read again as the outbox is. */
export function PauseControl() {
  const status = useLoad(() => getApi().notify.status({}), []);
  const [shown, setShown] = useState<NotifyStatus | undefined>(undefined);
  const [minutes, setMinutes] = useState(pauseChoices[0]!.minutes);
  const action = useAction();
  const { reload } = status;
  useEffect(() => setShown(status.data), [status.data]);
  useEffect(() => {
    const timer = window.setInterval(reload, outboxPollMs);
    return () => window.clearInterval(timer);
  }, [reload]);
  const change = (call: () => Promise<NotifyStatus>) => void action.run(async () => setShown(await call()));
  const pausedUntil = shown?.pausedUntil ?? null;
  return (
    <div className="toolbar al-pause" data-testid="alerts-pause" data-paused={pausedUntil !== null}>
      {pausedUntil !== null ? (
        <>
          <span className="pill tone--warn" data-testid="alerts-paused-until">
            paused until <When at={pausedUntil} />
          </span>
          <span className="muted">critical notices still go out; the rest wait</span>
          <button type="button" className="button button--ghost button--small" disabled={action.pending} onClick={() => change(() => getApi().notify.resume({}))} data-testid="alerts-resume">
            Resume now
          </button>
        </>
      ) : (
        <>
          <span className="muted">{shown ? 'Alerts are going out.' : 'Loading…'}</span>
          <select className="select" value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} aria-label="Pause for" data-testid="alerts-pause-minutes">
            {pauseChoices.map((c) => (
              <option key={c.minutes} value={c.minutes}>
                {c.label}
              </option>
            ))}
          </select>
          <button type="button" className="button button--ghost button--small" disabled={action.pending || !shown} onClick={() => change(() => getApi().notify.pause({ minutes }))} data-testid="alerts-pause-button">
            Pause alerts
          </button>
        </>
      )}
      <ErrorNotice message={status.error ? `Could not read whether alerts are paused: ${status.error}` : undefined} onRetry={reload} />
      <ErrorNotice message={action.error} inline />
    </div>
  );
}
