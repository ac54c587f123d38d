import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { CostMonth } from '../../../../shared/contract/costs';
import { formatMinorUnits } from '../../../../shared/money';
import { chartColors, chartTooltipStyle } from '../../theme/chart-style';

/** Costs and revenue as bars and the margin as a line, month by month. */
export default function CostChart({ months, currency, width }: { months: CostMonth[]; currency: string; width: number }) {
  const money = (v: unknown) => formatMinorUnits(Number(v), currency);
  const axis = { stroke: chartColors.axis, fontSize: 11, tickLine: false, axisLine: false } as const;
  return width <= 0 ? null : (
    <ComposedChart width={width} height={220} data={months} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
      <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 4" vertical={false} />
      <XAxis dataKey="month" minTickGap={16} {...axis} />
      <YAxis width={72} tickFormatter={money} {...axis} />
      <Tooltip formatter={money} contentStyle={chartTooltipStyle} />
      <Legend />
      <Bar dataKey="costsMinor" name="Costs" fill={chartColors.danger} isAnimationActive={false} />
      <Bar dataKey="revenueMinor" name="Revenue" fill={chartColors.teal} isAnimationActive={false} />
      <Line dataKey="marginMinor" name="Margin" stroke={chartColors.purple} dot={false} isAnimationActive={false} />
    </ComposedChart>
  );
}
