import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { CostMonth } from '../../../../shared/contract/costs';
import { formatMinorUnits } from '../../../../shared/money';
import { chartColors, chartTooltipStyle } from '../../theme/chart-style';

/** Costs and revenue as bars and the margin as a line, month by month. */
export default function CostChart({ months, currency, width }: { months: CostMonth[]; currency: string; width: number }) {
  if (width <= 0) return null;
  const money = (v: unknown) => formatMinorUnits(Number(v), currency);
  return (
    <ComposedChart width={width} height={220} data={months} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
      <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 4" vertical={false} />
      <XAxis dataKey="month" stroke={chartColors.axis} fontSize={11} tickLine={false} axisLine={false} minTickGap={16} />
      <YAxis width={72} stroke={chartColors.axis} fontSize={11} tickLine={false} axisLine={false} tickFormatter={money} />
      <Tooltip contentStyle={chartTooltipStyle} formatter={money} />
      <Legend />
      <Bar dataKey="costsMinor" name="Costs" fill={chartColors.danger} isAnimationActive={false} />
      <Bar dataKey="revenueMinor" name="Revenue" fill={chartColors.teal} isAnimationActive={false} />
      <Line dataKey="marginMinor" name="Margin" stroke={chartColors.purple} dot={false} isAnimationActive={false} />
    </ComposedChart>
  );
}
