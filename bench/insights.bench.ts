import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { productSpecSchema } from '../shared/product';
import { createCore, ManualClock, type Core } from '../src-main/core';
import { storeRevenueData } from '../tests/helpers/stripe/store-revenue-input';
import { at } from '../tests/helpers/stripe-objects';
import { traffic } from '../tests/helpers/traffic';
import { builtCore } from './built-core';
import { median, percentile, type Report } from './measure';
import { revenueData } from './revenue-data';

const day = 86_400_000;

/** A founder-sized app: revenue, two weeks of telemetry, workflows with runs, monitors, product drafts, DFY requests. */
async function seed(core: Core, nowMs: number): Promise<string> {
  const revenue = revenueData({ customers: 1_000, subscriptions: 1_200, invoices: 10_000 }, Math.floor(nowMs / 1000));
  storeRevenueData(core.db, revenue);
  core.settings.set('revenue.rates', revenue.rates.rates);
  let rows = 0;
  const batch: unknown[] = [];
  for (const row of traffic(nowMs - 14 * day, nowMs, { perMinute: 2 })) {
    batch.push(row);
    if (batch.length === 5_000) rows += core.telemetry.ingestValues(batch.splice(0)).accepted;
  }
  rows += core.telemetry.ingestValues(batch).accepted;
  for (let w = 0; w < 20; w++) {
    const expression = w % 4 === 0 ? '$error("no")' : '1 + 1';
    const { id } = core.workflows.import({ name: `Workflow ${w}`, trigger: { type: 'manual' }, nodes: [{ id: 'a', type: 'transform', params: { expression } }], edges: [] });
    for (let r = 0; r < 10; r++) await core.workflows.run({ id, wait: true });
  }
  for (let m = 0; m < 20; m++) core.guardian.add({ type: 'push', name: `job ${m}`, intervalSeconds: 3600, graceSeconds: 60 });
  const tomorrow = new Date(nowMs + day).toISOString().slice(0, 10);
  for (let p = 0; p < 10; p++) core.products.create(productSpecSchema.parse({ slug: `product-${p}`, name: `Product ${p}`, price: 17, description: 'A product.', tags: ['launch'], launchDate: tomorrow }));
  return `1000 customers, ${revenue.invoices.length} invoices, ${rows} telemetry rows over 14 days, 20 workflows × 10 runs, 20 monitors, 10 product drafts`;
}

/**
 * `insights.list` through core as it ships over seeded data of every area: every rule reads
 * its sources (nothing cached) and the list is ranked. Beside it, the revenue metrics alone,
 * the heaviest source, read once.
 */
export async function insightsBench(report: Report): Promise<void> {
  const nowMs = at('2026-06-15T12:00:00Z') * 1000;
  const dataDir = mkdtempSync(join(tmpdir(), 'levqor-bench-insights-'));
  try {
    const seeding = createCore({ dataDir, env: {}, clock: new ManualClock(nowMs), logToFile: false });
    const what = await seed(seeding, nowMs);
    seeding.close();
    const { createCore: createBuilt, ManualClock: BuiltClock } = await builtCore();
    const core = createBuilt({ dataDir, env: {}, clock: new BuiltClock(nowMs), logToFile: false });
    let found = 0;
    core.insights.list();
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      found = core.insights.list().insights.length;
      times.push(performance.now() - t);
    }
    // no key: the brief is the rules' own ranking, with the model layer's refusal in one line
    const briefs: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await core.insights.brief();
      briefs.push(performance.now() - t);
    }
    const metrics: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      core.revenue.reports.metrics({});
      metrics.push(performance.now() - t);
    }
    core.close();
    times.sort((a, b) => a - b);
    briefs.sort((a, b) => a - b);
    const reference = { name: 'revenue.metrics alone, median of 5', value: median(metrics) };
    report({ name: `insights.list through core, ${what} (${found} insights; p95 of 20)`, value: percentile(times, 95), unit: 'ms', reference, target: '≤ 100 ms' });
    report({ name: `insights.brief through core without a model, same data (p95 of 20)`, value: percentile(briefs, 95), unit: 'ms', reference, target: '≤ 100 ms' });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
