import { lazy, Suspense, useCallback, useState } from 'react';
import { categoryLabels } from '../../../../shared/costs';
import { formatMinorUnits } from '../../../../shared/money';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Section } from '../../components/Section';
import { useLoad } from '../../hooks/use-load';
import { useWidth } from '../../hooks/use-width';
import { Budgets } from './Budgets';
import { RecurringCosts } from './RecurringCosts';
import './costs.css';

// recharts is the largest dependency of the renderer: loaded only when the chart shows
const CostChart = lazy(() => import('./CostChart'));

/** Costs: this month's figures and budgets, the cost-to-revenue chart, and the recurring costs. */
export default function CostsPage() {
  const [tick, setTick] = useState(0);
  const changed = useCallback(() => setTick((n) => n + 1), []);
  const [month, setMonth] = useState('');
  const report = useLoad(() => getApi().costs.report(month === '' ? {} : { month }), [tick, month]);
  const [chartBox, width] = useWidth<HTMLDivElement>();
  const r = report.data;
  const money = (v: number) => (r ? formatMinorUnits(v, r.currency) : '');

  return (
    <div className="stack page-wide costs-page" data-testid="costs-area">
      <ErrorNotice message={report.error && `Could not work out the costs: ${report.error}`} onRetry={report.reload} />
      <Section id="cs-month" title={r ? `${r.month} (${r.currency.toUpperCase()})` : 'This month'} description="AI usage from this machine's records, Stripe fees from the synced balance transactions, recurring costs prorated by day.">
        <label className="field cs-month">
          <span>Month</span>
          <input className="input" type="month" value={month} onChange={(e) => setMonth(e.target.value)} aria-label="Month" />
        </label>
        {r ? (
          <div className="stack" ref={chartBox}>
            <ul className="plain-list cs-tiles" aria-label={`Cost figures for ${r.month}`}>
              {(
                [
                  ['costs', 'Costs', r.costsMinor],
                  ['revenue', 'Revenue', r.revenueMinor],
                  ['margin', 'Margin', r.marginMinor],
                ] as const
              ).map(([id, label, value]) => (
                <li key={id} className="tile stat" data-testid={`cs-${id}`}>
                  <span className="eyebrow stat__label">{label}</span>
                  <strong className={`stat__value num${id === 'margin' && value < 0 ? ' toned tone--bad' : ''}`}>{money(value)}</strong>
                </li>
              ))}
            </ul>
            {r.revenueNote ? <p className="muted" data-testid="revenue-note">{r.revenueNote}</p> : null}
            <p className="muted cs-breakdown">{r.categories.map((c) => `${categoryLabels[c.category]} ${money(c.spentMinor)}`).join(' · ')}</p>
            <Suspense fallback={<p className="muted">Loading the chart…</p>}>
              <figure className="cs-chart" data-testid="cost-chart">
                <figcaption>Costs, revenue and margin over {r.months.length} months</figcaption>
                <CostChart months={r.months} currency={r.currency} width={width} />
              </figure>
            </Suspense>
          </div>
        ) : null}
      </Section>
      <Section id="cs-budgets" title="Budgets" description="A monthly budget per category, in the report currency (setting revenue.currency). You are alerted at 80% and 100%; when the AI budget is used up, background AI (insights, the ai.generate step, content) stops until next month.">
        {r ? <Budgets month={r.month} currency={r.currency} lines={r.categories} onChanged={changed} /> : null}
      </Section>
      <Section id="cs-recurring" title="Recurring costs" description="Hosting, domains, tools and anything else you pay for: monthly and yearly costs count by the day in each month; a one-off in the month it starts.">
        <RecurringCosts currency={r?.currency ?? 'usd'} tick={tick} onChanged={changed} />
      </Section>
    </div>
  );
}
