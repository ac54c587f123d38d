import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { chartColors, chartTooltipStyle } from '../../../theme/chart-style';
import type { WorkflowStats } from '../../../../../shared/contract/workflows';
import { formatCalendarDay } from '../../../format/time';

const series = [
  { key: 'succeeded', label: 'Succeeded', color: chartColors.success },
  { key: 'failed', label: 'Failed', color: chartColors.danger },
  // a rejection is the founder's decision, not a failure: its own colour
  { key: 'rejected', label: 'Rejected', color: chartColors.purple },
  { key: 'cancelled', label: 'Cancelled', color: chartColors.muted },
  { key: 'other', label: 'Still open', color: chartColors.blue },
] as const;

/** Runs per local day, stacked by how they ended. */
export function RunsPerDayChart({ daily, width }: { daily: WorkflowStats['daily']; width: number }) {
  if (width <= 0) return null;
  return (
    <BarChart width={width} height={220} data={daily} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
      <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 4" vertical={false} />
      <XAxis dataKey="day" tickFormatter={formatCalendarDay} stroke={chartColors.axis} fontSize={11} tickLine={false} axisLine={false} minTickGap={24} />
      <YAxis width={36} stroke={chartColors.axis} fontSize={11} tickLine={false} axisLine={false} allowDecimals={false} />
      <Tooltip
        cursor={{ fill: chartColors.raised }}
        contentStyle={chartTooltipStyle}
        labelFormatter={(day) => formatCalendarDay(String(day))}
      />
      <Legend wrapperStyle={{ fontSize: 12, color: chartColors.muted }} />
      {series.map((s) => (
        <Bar key={s.key} dataKey={s.key} name={s.label} stackId="runs" fill={s.color} isAnimationActive={false} maxBarSize={28} />
      ))}
    </BarChart>
  );
}
