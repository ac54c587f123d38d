import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore, ManualClock } from '../src-main/core';
import { computeRevenueMetrics } from '../src-main/core/revenue/metrics';
import { builtCore } from './built-core';
import { at } from '../tests/helpers/stripe-objects';
import { median, type Report } from './measure';
import { revenueData, type RevenueVolume } from './revenue-data';
import { storeRevenueData } from '../tests/helpers/stripe/store-revenue-input';

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
 * 200k invoices): what the founder waits for, `revenue.metrics` through core as it ships (reading
 * the synced tables and computing, nothing cached), measured against the target; then the
 * computation alone over the same data already in memory, beside one plain pass that sums every
 * invoice.
 */
export async function revenueMetricsBench(report: Report): Promise<void> {
  const asOf = at('2026-06-15T12:00:00Z');
  const volume = { customers: 20_000, subscriptions: 25_000, invoices: 200_000 };
  const dataDir = mkdtempSync(join(tmpdir(), 'levqor-bench-revenue-'));
  try {
    const states = seed(dataDir, volume, asOf);
    const { createCore: createBuilt, ManualClock: BuiltClock } = await builtCore();
    const core = createBuilt({ dataDir, env: {}, clock: new BuiltClock(asOf * 1000), logToFile: false });
    let mrr = 0;
    const read = timed(() => {
      mrr = core.revenue.reports.metrics({}).kpis.mrr.value ?? 0;
    });
    core.close();
    const what = `24 months, ${states} subscription states, ${volume.invoices} invoices (median of 5; MRR ${mrr})`;
    report({ name: `revenue.metrics through core: the synced tables read and every metric computed, cold, ${what}`, value: read.wall, unit: 'ms', target: '≤ 150 ms' });
    report({ name: 'revenue.metrics: the same, CPU time of this process', value: read.cpu, unit: 'ms' });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  const input = revenueData(volume, asOf);
  let mrr = 0;
  const metrics = timed(() => {
    mrr = computeRevenueMetrics(input, { asOf, months: 24 }).kpis.mrr.value ?? 0;
  });
  let total = 0;
  const plain = timed(() => {
    total = 0;
    for (const inv of input.invoices) total += inv.amount_paid;
  });
  const what = `in memory (MRR ${mrr}, invoices ${total})`;
  const reference = 'one plain pass summing every invoice';
  report({ name: `computeRevenueMetrics alone, the same data ${what}`, value: metrics.wall, unit: 'ms', reference: { name: reference, value: plain.wall } });
  // on a machine shared with other work the wall time says more about the neighbours than the code
  report({ name: 'computeRevenueMetrics alone: CPU time of this process', value: metrics.cpu, unit: 'ms', reference: { name: reference, value: plain.cpu } });
}

/**
 * The dataset generated and stored as the sync stores it; the subscription states it holds.
 * Nothing of it stays in memory: the app's process holds no copy of the Stripe data, and one
 * here would make every garbage collection during the measured calls walk 600k objects.
 */
function seed(dataDir: string, volume: RevenueVolume, asOf: number): number {
  const input = revenueData(volume, asOf);
  const core = createCore({ dataDir, env: {}, clock: new ManualClock(asOf * 1000), logToFile: false });
  storeRevenueData(core.db, input);
  core.settings.set('revenue.rates', input.rates.rates);
  core.close();
  return input.subscriptionVersions.length;
}
