import type { RevenueMetricsView } from '../../../../shared/contract/revenue-metrics';
import { formatMinorUnits } from '../../../../shared/money';
import { percentText } from './format';

type KpiKey = keyof RevenueMetricsView['kpis'];

const tiles: ReadonlyArray<{ key: KpiKey; label: string; kind: 'money' | 'rate'; goodWhenUp: boolean }> = [
  { key: 'mrr', label: 'MRR', kind: 'money', goodWhenUp: true },
  { key: 'arr', label: 'ARR', kind: 'money', goodWhenUp: true },
  { key: 'netNewMrr', label: 'Net new MRR', kind: 'money', goodWhenUp: true },
  { key: 'customerChurnRate', label: 'Customer churn', kind: 'rate', goodWhenUp: false },
  { key: 'arpa', label: 'ARPA', kind: 'money', goodWhenUp: true },
  { key: 'ltv', label: 'LTV', kind: 'money', goodWhenUp: true },
  { key: 'oneOffRevenue', label: 'One-off this month', kind: 'money', goodWhenUp: true },
];

/** The month's figures, each with its change from the month before. */
export function KpiTiles({ metrics }: { metrics: RevenueMetricsView }) {
  const show = (kind: 'money' | 'rate', v: number | null) => (v === null ? '—' : kind === 'money' ? formatMinorUnits(v, metrics.currency) : percentText(v));
  const ltvReason = metrics.months[metrics.months.length - 1]?.ltvReason;
  return (
    <ul className="plain-list rv-kpis" aria-label={`Revenue figures for ${metrics.month}`}>
      {tiles.map((t) => {
        const k = metrics.kpis[t.key];
        const up = (k.change ?? 0) > 0;
        const tone = k.change === null || k.change === 0 ? 'muted' : up === t.goodWhenUp ? 'good' : 'bad';
        // a rate's change is in points already; a percent of it would read as a second rate
        const change = k.change === null ? 'no month before to compare' : `${k.change > 0 ? '+' : k.change < 0 ? '−' : '±'}${show(t.kind, Math.abs(k.change))}${k.changeRatio !== null && t.kind === 'money' ? ` (${percentText(Math.abs(k.changeRatio))})` : ''} vs last month`;
        return (
          <li key={t.key} className="tile stat" data-testid={`kpi-${t.key}`}>
            <span className="eyebrow stat__label">{t.label}</span>
            <strong className="stat__value num" data-testid="kpi-value" title={t.key === 'ltv' && k.value === null ? ltvReason : undefined}>
              {show(t.kind, k.value)}
            </strong>
            <span className={`toned tone--${tone} rv-kpi__change`}>{change}</span>
          </li>
        );
      })}
    </ul>
  );
}
