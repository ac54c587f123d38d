import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { brand } from '../../../../shared/brand';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatTick, formatTs } from '../../format/time';
import { useLoad } from '../../hooks/use-load';
import { useWidth } from '../../hooks/use-width';

const rangeMs = 30 * 86_400_000;

/** The stored (hourly) scores of the last 30 days as a line; an honest empty state before the first. */
export default function HistoryChart({ tick }: { tick: number }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const history = useLoad(() => getApi().guardian.scoreHistory({ since: Date.now() - rangeMs }), [tick]);
  const points = history.data?.points ?? [];
  const span = points.length > 1 ? points[points.length - 1]!.at - points[0]!.at : 86_400_000;

  return (
    <section className="card ghistory" aria-labelledby="ghistory-title" data-testid="guardian-history">
      <div className="section-head section-head--start ghistory__head">
        <h2 id="ghistory-title">Score history</h2>
        <span className="muted">hourly, last 30 days</span>
      </div>
      <div ref={ref} className="ghistory__plot">
        {history.error ? <ErrorNotice message={`Could not read the score history: ${history.error}`} onRetry={history.reload} /> : null}
        {history.data && points.length === 0 ? (
          <div className="ghistory__empty" data-testid="guardian-history-empty">
            <span className="pill pill--muted">No history yet</span>
            <p className="muted">The score is stored once an hour while the app or <code>levqor serve</code> runs. The first point shows here then; nothing is drawn before it.</p>
          </div>
        ) : null}
        {points.length > 0 && width > 0 ? (
          <LineChart width={width} height={180} data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={brand.ui.border} strokeDasharray="3 4" vertical={false} />
            <XAxis dataKey="at" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={(x: number) => formatTick(x, span)} stroke={brand.ui.textMuted} fontSize={11} tickLine={false} axisLine={false} minTickGap={28} />
            <YAxis width={32} domain={[0, 100]} ticks={[0, 50, 70, 90, 100]} stroke={brand.ui.textMuted} fontSize={11} tickLine={false} axisLine={false} />
            <ReferenceLine y={90} stroke={brand.ui.success} strokeDasharray="2 6" />
            <ReferenceLine y={70} stroke={brand.ui.warning} strokeDasharray="2 6" />
            <Tooltip
              contentStyle={{ background: brand.ui.surfaceRaised, border: `1px solid ${brand.ui.border}`, borderRadius: 8, color: brand.ui.text, fontSize: 12 }}
              labelFormatter={(x) => formatTs(Number(x), false)}
              formatter={(y) => [String(y), 'Score']}
            />
            <Line type="monotone" dataKey="score" stroke={brand.colors.neonFluxBlue} strokeWidth={2} dot={points.length < 30} isAnimationActive={false} />
          </LineChart>
        ) : null}
      </div>
    </section>
  );
}
