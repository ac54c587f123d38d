import type { MonitorStats } from '../../../../shared/contract/guardian';
import { toneClass } from '../../components/tone';
import { formatTimeExact } from '../../format/time';
import { stateTone } from './format';

/** Ticks in the bar: the newest beats, oldest on the left (Uptime Kuma's heartbeat bar). */
export const heartbeatTicks = 30;

/** The last checks as coloured ticks, UP, DOWN, PENDING or MAINTENANCE; empty slots before the first. */
export function HeartbeatBar({ beats }: { beats: MonitorStats['recent'] }) {
  const shown = beats.slice(-heartbeatTicks);
  const counts = shown.reduce<Record<string, number>>((c, b) => ({ ...c, [b.state]: (c[b.state] ?? 0) + 1 }), {});
  const label = shown.length === 0 ? 'No checks yet' : `Last ${shown.length} checks: ${Object.entries(counts).map(([state, n]) => `${n} ${state}`).join(', ')}`;
  return (
    <div className="gbeats" role="img" aria-label={label} data-testid="monitor-heartbeat">
      {Array.from({ length: heartbeatTicks - shown.length }, (_, i) => (
        <span key={`empty-${i}`} className="gbeat gbeat--empty" />
      ))}
      {shown.map((b) => (
        <span key={b.at} className={`gbeat ${toneClass(stateTone[b.state])}`} data-state={b.state} title={`${formatTimeExact(b.at)} ${b.state}: ${b.message}`} />
      ))}
    </div>
  );
}
