import { performance } from 'node:perf_hooks';
import { computeRevenueMetrics } from '../src-main/core/revenue/metrics';
import { at } from '../tests/helpers/stripe-objects';
import { median, type Report } from './measure';
import { revenueData } from './revenue-data';

/**
 * All revenue metrics for 24 months over the volume (20k customers, 25k subscriptions,
 * 200k invoices, in memory: the metrics are pure, reading is the store's business), beside one
 * plain pass that sums every invoice. Median of 5 after a warm-up run.
 */
export async function revenueMetricsBench(report: Report): Promise<void> {
  const asOf = at('2026-06-15T12:00:00Z');
  const input = revenueData({ customers: 20_000, subscriptions: 25_000, invoices: 200_000 }, asOf);
  computeRevenueMetrics(input, { asOf, months: 24 });
  const times: number[] = [];
  let mrr = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    mrr = computeRevenueMetrics(input, { asOf, months: 24 }).kpis.mrr.value ?? 0;
    times.push(performance.now() - t);
  }
  const plain: number[] = [];
  let total = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    total = 0;
    for (const inv of input.invoices) total += inv.amount_paid;
    plain.push(performance.now() - t);
  }
  report({
    name: `revenue metrics: all of them, 24 months, ${input.subscriptionVersions.length} subscription states, ${input.invoices.length} invoices (median of 5; MRR ${mrr}, invoices ${total})`,
    value: median(times),
    unit: 'ms',
    reference: { name: 'one plain pass summing every invoice', value: median(plain) },
    target: '≤ 150 ms',
  });
}
