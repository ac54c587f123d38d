import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { brand } from '../../../../../shared/brand';
import type { WorkflowStats } from '../../../../../shared/contract/workflows';
import { shortDay } from './range';

const series = [
  { key: 'succeeded', label: 'Succeeded', color: brand.ui.success },
  { key: 'failed', label: 'Failed', color: brand.ui.danger },
  // a rejection is the founder's decision, not a failure: its own colour
  { key: 'rejected', label: 'Rejected', color: brand.colors.plasmaPurple },
  { key: 'cancelled', label: 'Cancelled', color: brand.ui.textMuted },
  { key: 'other', label: 'Still open', color: brand.colors.neonFluxBlue },
] as const;

/** Runs per local day, stacked by how they ended. */
export function RunsPerDayChart({ daily, width }: { daily: WorkflowStats['daily']; width: number }) {
  if (width <= 0) return null;
  return (
    <BarChart width={width} height={220} data={daily} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
      <CartesianGrid stroke={brand.ui.border} strokeDasharray="3 4" vertical={false} />
      <XAxis dataKey="day" tickFormatter={shortDay} stroke={brand.ui.textMuted} fontSize={11} tickLine={false} axisLine={false} minTickGap={24} />
      <YAxis width={36} stroke={brand.ui.textMuted} fontSize={11} tickLine={false} axisLine={false} allowDecimals={false} />
      <Tooltip
        cursor={{ fill: brand.ui.surfaceRaised }}
        contentStyle={{ background: brand.ui.surfaceRaised, border: `1px solid ${brand.ui.border}`, borderRadius: 8, color: brand.ui.text, fontSize: 12 }}
        labelFormatter={(day) => shortDay(String(day))}
      />
      <Legend wrapperStyle={{ fontSize: 12, color: brand.ui.textMuted }} />
      {series.map((s) => (
        <Bar key={s.key} dataKey={s.key} name={s.label} stackId="runs" fill={s.color} isAnimationActive={false} maxBarSize={28} />
      ))}
    </BarChart>
  );
}
