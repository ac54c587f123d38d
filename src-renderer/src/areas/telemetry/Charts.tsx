import { useState } from 'react';
import { Area, AreaChart, CartesianGrid, ReferenceArea, Tooltip, XAxis, YAxis } from 'recharts';
import { chartColors, chartTooltipStyle } from '../../theme/chart-style';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount } from '../../format/number';
import { formatLatency, formatTick, formatTimeExact } from '../../format/time';
import { useLoad } from '../../hooks/use-load';
import { useWidth } from '../../hooks/use-width';
import { splitPartial } from './partial-bucket';

type Metric = 'volume' | 'errors' | 'p95';
type ChartRange = '1h' | '24h' | '7d' | '30d';

const chartRanges: { key: ChartRange; label: string; ms: number }[] = [
  { key: '1h', label: '1 h', ms: 3_600_000 },
  { key: '24h', label: '24 h', ms: 86_400_000 },
  { key: '7d', label: '7 d', ms: 7 * 86_400_000 },
  { key: '30d', label: '30 d', ms: 30 * 86_400_000 },
];

const metrics: { key: Metric; title: string; color: string; unit(grain: string): string; format(y: number): string }[] = [
  { key: 'volume', title: 'Volume', color: chartColors.blue, unit: (g) => `rows per ${g}`, format: formatCount },
  { key: 'errors', title: 'Errors', color: chartColors.danger, unit: (g) => `error + fatal per ${g}`, format: formatCount },
  { key: 'p95', title: 'p95 latency', color: chartColors.teal, unit: (g) => `per ${g}, all endpoints`, format: formatLatency },
];

const chartHeight = 150;
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

function Chart({ metric, range, width, tick }: { metric: (typeof metrics)[number]; range: (typeof chartRanges)[number]; width: number; tick: number }) {
  // about one point per pixel: the server downsamples with LTTB to this many points
  const points = Math.max(30, Math.min(2000, Math.round(width)));
  const series = useLoad(async () => {
    const to = Date.now();
    const from = to - range.ms;
    return { from, to, ...(await getApi().telemetry.series({ metric: metric.key, from, to, points })) };
  }, [metric.key, range.ms, points, tick]);
  const raw = series.data?.points ?? [];
  const peak = raw.reduce((m, p) => Math.max(m, p.y), 0);
  // the current bucket is still filling: drawn apart and marked, never read as a drop
  const { data, partialFrom, elapsed } = series.data ? splitPartial(raw, series.data.grain, series.data.to) : { data: [], partialFrom: undefined, elapsed: undefined };
  const gradient = `tchart-${metric.key}`;
  const partialLabel = partialFrom !== undefined && elapsed !== undefined && series.data ? `this ${series.data.grain} so far (${formatSoFar(elapsed, series.data.grain)})` : undefined;

  return (
    <figure className="tchart" data-testid={`telemetry-chart-${metric.key}`} aria-label={`${metric.title} chart`}>
      <figcaption className="tchart__head">
        <span className="tchart__title">{metric.title}</span>
        <span className="tchart__peak">{series.data ? `peak ${metric.format(peak)}` : ''}</span>
      </figcaption>
      <p className="tchart__unit muted">
        {series.data ? metric.unit(series.data.grain) : '\u00a0'}
        {partialLabel ? (
          <span className="tchart__partial" data-testid="chart-partial">
            {' '}
            · last {series.data!.grain} partial
          </span>
        ) : null}
      </p>
      {series.error ? <ErrorNotice message={series.error} onRetry={series.reload} /> : null}
      {!series.error && width > 0 ? (
        <AreaChart width={width} height={chartHeight} data={data} margin={{ top: 6, right: 6, bottom: 0, left: 0 }}>
          <defs>
            <linearGradient id={gradient} x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor={metric.color} stopOpacity={0.35} />
              <stop offset="100%" stopColor={metric.color} stopOpacity={0} />
            </linearGradient>
          </defs>
          <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 4" vertical={false} />
          <XAxis dataKey="x" type="number" scale="time" domain={series.data ? [series.data.from, series.data.to] : ['dataMin', 'dataMax']} tickFormatter={(x: number) => formatTick(x, range.ms)} stroke={chartColors.axis} fontSize={11} tickLine={false} axisLine={false} minTickGap={28} />
          <YAxis width={40} stroke={chartColors.axis} fontSize={11} tickLine={false} axisLine={false} allowDecimals={false} tickFormatter={(y: number) => compact.format(y)} />
          {partialFrom !== undefined && series.data ? <ReferenceArea x1={partialFrom} x2={series.data.to} fill={chartColors.muted} fillOpacity={0.12} stroke="none" ifOverflow="extendDomain" label={{ value: 'partial', position: 'insideTopRight', fill: chartColors.muted, fontSize: 10 }} /> : null}
          <Tooltip
            contentStyle={chartTooltipStyle}
            labelFormatter={(x) => formatTimeExact(Number(x))}
            formatter={(y, name) => [metric.format(Number(y)), name === 'partial' ? `${metric.title}, ${partialLabel ?? 'partial'}` : metric.title]}
          />
          <Area type="monotone" dataKey="y" name={metric.title} stroke={metric.color} strokeWidth={1.6} fill={`url(#${gradient})`} isAnimationActive={false} dot={false} />
          <Area type="monotone" dataKey="partial" name="partial" stroke={metric.color} strokeWidth={1.6} strokeDasharray="4 3" fill="none" isAnimationActive={false} dot={false} activeDot={{ r: 3 }} />
        </AreaChart>
      ) : null}
    </figure>
  );
}

/** How much of the partial bucket has passed: "23 of 60 min", "5 of 24 h". */
function formatSoFar(elapsed: number, grain: string): string {
  if (grain === 'day') return `${Math.floor(elapsed / 3_600_000)} of 24 h`;
  if (grain === 'hour') return `${Math.floor(elapsed / 60_000)} of 60 min`;
  return `${Math.floor(elapsed / 1000)} of 60 s`;
}

/** Volume, errors and p95 over a chosen range, from the rollups (LTTB-downsampled server side). */
export default function Charts({ tick }: { tick: number }) {
  const [rangeKey, setRangeKey] = useState<ChartRange>('24h');
  const [ref, width] = useWidth<HTMLDivElement>();
  const range = chartRanges.find((r) => r.key === rangeKey)!;
  const columns = width >= 840 ? 3 : 1;
  const chartWidth = Math.max(0, Math.floor((width - (columns - 1) * 16) / columns) - 2);

  return (
    <section className="card section tcharts" aria-labelledby="tcharts-title">
      <div className="section-head">
        <h2 id="tcharts-title">Trends</h2>
        <div className="seg" role="group" aria-label="Chart range">
          {chartRanges.map((r) => (
            <button key={r.key} type="button" className="seg__btn" aria-pressed={r.key === rangeKey} onClick={() => setRangeKey(r.key)}>
              {r.label}
            </button>
          ))}
        </div>
      </div>
      <div className="tcharts__grid" ref={ref} style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
        {metrics.map((m) => (
          <Chart key={m.key} metric={m} range={range} width={chartWidth} tick={tick} />
        ))}
      </div>
    </section>
  );
}
