import type { TelemetryLevel } from '../../../../shared/telemetry';
import { delta } from './format';

export function LevelBadge({ level }: { level: TelemetryLevel }) {
  return <span className={`lvl lvl--${level}`}>{level}</span>;
}

/**
 * A figure against the day before: ▲/▼ and the change. `upIsBad` colours a rise red (errors,
 * latency); otherwise the arrow is neutral.
 */
export function DeltaBadge({ now, before, upIsBad = false }: { now: number; before: number; upIsBad?: boolean }) {
  const d = delta(now, before);
  const tone = d.direction === 'same' ? 'same' : upIsBad ? (d.direction === 'up' ? 'bad' : 'good') : 'neutral';
  const arrow = d.direction === 'up' ? '\u25b2' : d.direction === 'down' ? '\u25bc' : '\u2022';
  return (
    <span className={`delta delta--${tone}`} title={`Day before: ${before}`}>
      <span aria-hidden="true">{arrow}</span> {d.text}
      {d.percent ? <span className="delta__pct"> ({d.percent})</span> : null}
      <span className="sr-only"> vs the day before ({before})</span>
    </span>
  );
}
