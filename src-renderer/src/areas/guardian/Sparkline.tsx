import type { MonitorStats } from '../../../../shared/contract/guardian';
import { formatLatency } from '../../format/time';

const width = 140;
const height = 34;

/**
 * A monitor's average response time over the Guardian page's window, on the same time axis
 * as the page's trend charts (x from `from` to `to`, whatever the data covers).
 */
export function Sparkline({ points, from, to }: { points: MonitorStats['responseTimes']; from: number; to: number }) {
  const peak = points.reduce((m, p) => Math.max(m, p.ms), 0);
  const x = (at: number) => ((at - from) / (to - from)) * width;
  const y = (ms: number) => height - 2 - (peak > 0 ? (ms / peak) * (height - 6) : 0);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.at).toFixed(1)},${y(p.ms).toFixed(1)}`).join(' ');
  const average = points.length ? points.reduce((s, p) => s + p.ms, 0) / points.length : null;
  const label = average === null ? 'No response times in this window' : `Response time: average ${formatLatency(average)}, peak ${formatLatency(peak)}`;
  return (
    <figure className="gspark" data-testid="monitor-response-chart" data-from={from} data-to={to} aria-label={label} title={label}>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-hidden="true">
        <line className="gspark__base" x1="0" x2={width} y1={height - 1} y2={height - 1} />
        {points.length > 1 ? <path className="gspark__line" d={path} /> : null}
        {points.length === 1 ? <circle className="gspark__dot" cx={x(points[0]!.at)} cy={y(points[0]!.ms)} r="2" /> : null}
      </svg>
      <figcaption className="gspark__caption muted">{average === null ? 'no timings' : `avg ${formatLatency(average)}`}</figcaption>
    </figure>
  );
}
