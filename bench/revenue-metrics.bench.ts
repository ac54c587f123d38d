import { performance } from 'node:perf_hooks';
import { computeRevenueMetrics } from '../src-main/core/revenue/metrics';
import { at } from '../tests/helpers/stripe-objects';
import { median, type Report } from './measure';
import { revenueData } from './revenue-data';

/** Median wall and CPU time of 5 runs after a warm-up one (so the reference loop is optimised too). */
function timed(run: () => void): { wall: number; cpu: number } {
  run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 5; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    run();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/**
 * All revenue metrics for 24 months over the volume (20k customers, 25k subscriptions,
 * 200k invoices, in memory: the metrics are pure, reading is the store's business), beside one
 * plain pass that sums every invoice.
 */
export async function revenueMetricsBench(report: Report): Promise<void> {
  const asOf = at('2026-06-15T12:00:00Z');
  const input = revenueData({ customers: 20_000, subscriptions: 25_000, invoices: 200_000 }, asOf);
  let mrr = 0;
  const metrics = timed(() => {
    mrr = computeRevenueMetrics(input, { asOf, months: 24 }).kpis.mrr.value ?? 0;
  });
  let total = 0;
  const plain = timed(() => {
    total = 0;
    for (const inv of input.invoices) total += inv.amount_paid;
  });
  const what = `24 months, ${input.subscriptionVersions.length} subscription states, ${input.invoices.length} invoices (median of 5; MRR ${mrr}, invoices ${total})`;
  const reference = 'one plain pass summing every invoice';
  report({ name: `revenue metrics: all of them, ${what}`, value: metrics.wall, unit: 'ms', reference: { name: reference, value: plain.wall }, target: '≤ 150 ms' });
  // on a machine shared with other work the wall time says more about the neighbours than the code
  report({ name: 'revenue metrics: the same, CPU time of this process', value: metrics.cpu, unit: 'ms', reference: { name: reference, value: plain.cpu } });
}
