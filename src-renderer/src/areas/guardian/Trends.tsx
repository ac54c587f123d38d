import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { Monitor, MonitorStats } from '../../../../shared/contract/guardian';
import { chartColors, chartTooltipStyle } from '../../theme/chart-style';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatLatency, formatTick, formatTimeExact } from '../../format/time';
import { useLoad } from '../../hooks/use-load';
import { useWidth } from '../../hooks/use-width';
import { timeTicks } from './time-axis';

const seriesColors = [chartColors.blue, chartColors.teal, chartColors.purple, chartColors.warning, chartColors.muted];
const chartHeight = 150;
/** Both charts reserve the same room left of the plot, so their time axes line up. */
const yAxisWidth = 44;

/** One time axis for every Guardian chart: the page's window, the same ticks, the same left margin. */
function timeAxis(from: number, to: number) {
  return (
    <XAxis
      dataKey="at"
      type="number"
      scale="time"
      domain={[from, to]}
      ticks={timeTicks(from, to)}
      tickFormatter={(x: number) => formatTick(x, to - from)}
      stroke={chartColors.axis}
      fontSize={11}
      tickLine={false}
      axisLine={false}
      allowDataOverflow
    />
  );
}

/** Several series on one time axis as the chart's rows: one row per time, a column per series. */
function byTime(series: Array<{ key: string; points: Array<{ at: number; ms: number }> }>): Array<Record<string, number>> {
  const rows = new Map<number, Record<string, number>>();
  for (const s of series) for (const p of s.points) rows.set(p.at, { ...(rows.get(p.at) ?? { at: p.at }), [s.key]: p.ms });
  return [...rows.values()].sort((a, b) => a.at! - b.at!);
}

/**
 * The Guardian trends over the page's window: the stored (hourly) health score, and each
 * monitor's average response time. Both charts share one time axis, so a drop in the score
 * sits right above the slow checks that caused it.
 */
export default function Trends({ span, monitors, stats, tick }: { span: { from: number; to: number; label: string }; monitors: Monitor[]; stats: ReadonlyMap<string, MonitorStats>; tick: number }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  // scores are stored hourly: a window that moved by seconds reads nothing new
  const since = Math.floor(span.from / 60_000) * 60_000;
  const history = useLoad(() => getApi().guardian.scoreHistory({ since }), [tick, since]);
  const points = (history.data?.points ?? []).filter((p) => p.at <= span.to);
  const timed = monitors.map((m, i) => ({ m, color: seriesColors[i % seriesColors.length]!, data: stats.get(m.id)?.responseTimes ?? [] })).filter((s) => s.data.length > 0);
  const responseRows = byTime(timed.map((s) => ({ key: s.m.id, points: s.data })));
  const plotWidth = Math.max(0, width);

  return (
    <section className="card ghistory" aria-labelledby="ghistory-title" data-testid="guardian-history">
      <div className="section-head section-head--start ghistory__head">
        <h2 id="ghistory-title">Trends</h2>
        <span className="muted">{span.label}, one time axis</span>
      </div>
      <div ref={ref} className="ghistory__plot">
        <h3 className="eyebrow ghistory__title">Health score (stored hourly)</h3>
        {history.error ? <ErrorNotice message={`Could not read the score history: ${history.error}`} onRetry={history.reload} /> : null}
        {history.data && points.length === 0 ? (
          <div className="ghistory__empty" data-testid="guardian-history-empty">
            <span className="pill pill--muted">No history yet</span>
            <p className="muted">The score is stored once an hour while the app or <code>levqor serve</code> runs and a monitor watches something. The first point shows here then.</p>
          </div>
        ) : null}
        {points.length > 0 && plotWidth > 0 ? (
          <div className="ghistory__chart" data-testid="trend-chart-score" data-from={span.from} data-to={span.to}>
            <LineChart width={plotWidth} height={chartHeight} data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 4" vertical={false} />
              {timeAxis(span.from, span.to)}
              <YAxis width={yAxisWidth} domain={[0, 100]} ticks={[0, 50, 70, 90, 100]} stroke={chartColors.axis} fontSize={11} tickLine={false} axisLine={false} />
              <ReferenceLine y={90} stroke={chartColors.success} strokeDasharray="2 6" />
              <ReferenceLine y={70} stroke={chartColors.warning} strokeDasharray="2 6" />
              <Tooltip contentStyle={chartTooltipStyle} labelFormatter={(x) => formatTimeExact(Number(x))} formatter={(y) => [String(y), 'Score']} />
              <Line type="monotone" dataKey="score" stroke={chartColors.blue} strokeWidth={2} dot={points.length < 30} isAnimationActive={false} />
            </LineChart>
          </div>
        ) : null}
        <h3 className="eyebrow ghistory__title">Response time, ms (average per slice)</h3>
        {timed.length === 0 ? (
          <p className="muted ghistory__none">No timed checks in this window yet.</p>
        ) : plotWidth > 0 ? (
          <div className="ghistory__chart" data-testid="trend-chart-response" data-from={span.from} data-to={span.to}>
            <LineChart width={plotWidth} height={chartHeight} data={responseRows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 4" vertical={false} />
              {timeAxis(span.from, span.to)}
              <YAxis width={yAxisWidth} stroke={chartColors.axis} fontSize={11} tickLine={false} axisLine={false} tickFormatter={(y: number) => (y < 1000 ? String(Math.round(y)) : `${Math.round(y / 100) / 10}k`)} />
              <Tooltip contentStyle={chartTooltipStyle} labelFormatter={(x) => formatTimeExact(Number(x))} formatter={(y, name) => [formatLatency(Number(y)), String(name)]} />
              <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />
              {timed.map((s) => (
                <Line key={s.m.id} name={s.m.name} type="monotone" dataKey={s.m.id} connectNulls stroke={s.color} strokeWidth={1.6} dot={s.data.length < 12 ? { r: 2.5, fill: s.color } : false} isAnimationActive={false} />
              ))}
            </LineChart>
          </div>
        ) : null}
      </div>
    </section>
  );
}
