import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { MonthFiguresView } from '../../../../shared/contract/revenue-metrics';
import { formatMinorUnits } from '../../../../shared/money';
import { chartColors, chartTooltipStyle } from '../../theme/chart-style';

/** MRR at each month's close, over the months given (24 on the page). */
export default function MrrChart({ months, currency, width }: { months: MonthFiguresView[]; currency: string; width: number }) {
  if (width <= 0) return null;
  const money = (v: unknown) => formatMinorUnits(Number(v), currency);
  return (
    <AreaChart width={width} height={200} data={months} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
      <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 4" vertical={false} />
      <XAxis dataKey="month" stroke={chartColors.axis} fontSize={11} tickLine={false} axisLine={false} minTickGap={16} />
      <YAxis width={72} stroke={chartColors.axis} fontSize={11} tickLine={false} axisLine={false} tickFormatter={money} />
      <Tooltip contentStyle={chartTooltipStyle} formatter={money} />
      <Area dataKey="mrr" name="MRR" stroke={chartColors.teal} fill={chartColors.teal} fillOpacity={0.15} isAnimationActive={false} />
    </AreaChart>
  );
}
