import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { MonthFiguresView } from '../../../../shared/contract/revenue-metrics';
import { formatMinorUnits } from '../../../../shared/money';
import { chartColors, chartTooltipStyle } from '../../theme/chart-style';

// [field, label, colour]: what came in is stacked above zero, what went out below it
const series = [
  ['new', 'New', chartColors.blue],
  ['expansion', 'Expansion', chartColors.teal],
  ['reactivation', 'Reactivation', chartColors.purple],
  ['contraction', 'Contraction', chartColors.warning],
  ['churn', 'Churn', chartColors.danger],
] as const;

/**
 * MRR movements per month: what came in stacked above zero (new, expansion, reactivation),
 * what went out below (contraction, churn), and the net as a line.
 */
export default function MovementsChart({ months, currency, width }: { months: MonthFiguresView[]; currency: string; width: number }) {
  if (width <= 0) return null;
  const money = (v: unknown) => formatMinorUnits(Number(v), currency);
  return (
    <ComposedChart width={width} height={260} data={months} stackOffset="sign" margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
      <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 4" vertical={false} />
      <XAxis dataKey="month" stroke={chartColors.axis} fontSize={11} tickLine={false} axisLine={false} minTickGap={16} />
      <YAxis width={72} stroke={chartColors.axis} fontSize={11} tickLine={false} axisLine={false} tickFormatter={money} />
      <ReferenceLine y={0} stroke={chartColors.axis} />
      <Tooltip cursor={{ fill: chartColors.raised }} contentStyle={chartTooltipStyle} formatter={money} />
      <Legend wrapperStyle={{ fontSize: 12, color: chartColors.muted }} />
      {series.map(([field, label, colour]) => (
        <Bar key={field} dataKey={field} name={label} stackId="mrr" fill={colour} isAnimationActive={false} maxBarSize={28} />
      ))}
      <Line dataKey="net" name="Net new MRR" stroke="var(--ui-text)" strokeWidth={2} dot={false} isAnimationActive={false} />
    </ComposedChart>
  );
}
