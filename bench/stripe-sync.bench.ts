import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Stripe from 'stripe';
import { createCore, ManualClock } from '../src-main/core';
import { ErasureLedger } from '../src-main/core/compliance/erasure-ledger';
import { emailHash } from '../src-main/core/compliance/subject-keys';
import { createStripeClient } from '../src-main/core/revenue/stripe/client';
import { parseApiBase } from '../src-main/core/revenue/stripe/api-base';
import { listSources } from '../src-main/core/revenue/sync/list-sources';
import { testKey, webhookSecret } from '../tests/helpers/stripe/keys';
import { percentile, type Report } from './measure';

// the size is 20k customers (about 25k subscriptions); smaller for a quick look
const customers = Number(process.env.LEVQOR_BENCH_STRIPE_CUSTOMERS ?? 20_000);
/** How many of them are erased before the sync (at most 100): their objects are stored anonymised. */
const erased = Math.min(Number(process.env.LEVQOR_BENCH_STRIPE_ERASED ?? 0), 100);

/**
 * A full Stripe sync from the local Stripe server beside a bare loop that pages through the same
 * lists with the same client and stores nothing (the API's pages are the limit; storing must not
 * be); then webhooks applied at 200 events/s.
 */
const cpuMicros = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return used.user + used.system;
};

/** What this process has written to disk (Linux), to weigh the WAL against the rows. */
const writeBytes = () => Number(/write_bytes: (\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? NaN);

export async function stripeSyncBench(report: Report): Promise<void> {
  const now = Math.floor(Date.UTC(2026, 10, 1) / 1000);
  // Stripe is another machine: the local Stripe runs in a process of its own
  const server = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/stripe/serve-dataset.ts', '1', String(customers), String(now)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: server.stdout }), 'line')) as [string];
  const { url, counts } = JSON.parse(line) as { url: string; counts: Record<string, number> };
  const stripe = { url, close: async () => void server.kill() };
  const objects = Object.entries(counts).reduce((n, [k, v]) => n + (k === 'discount' ? 0 : v), 0);
  const dataset = { counts };
  console.log(`dataset: ${JSON.stringify(counts)}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'levqor-bench-stripe-'));
  try {
    const client = createStripeClient(testKey, parseApiBase(stripe.url));
    let t = performance.now();
    let cpu = process.cpuUsage();
    let paged = 0;
    for (const source of listSources) {
      let after: string | undefined;
      for (;;) {
        const cursor = after;
        const page = await source.list(client, { limit: 100, ...(cursor ? { starting_after: cursor } : {}) });
        paged += page.data.length;
        if (!page.has_more) break;
        after = String(page.data.at(-1)!.id);
      }
    }
    const bareSeconds = (performance.now() - t) / 1000;
    const bareCpu = cpuMicros(cpu);

    // customers erased before the sync (the ledger consulted per object): the first N listed
    const ledger = new ErasureLedger(dataDir);
    for (const c of erased > 0 ? (await client.customers.list({ limit: erased })).data : []) ledger.add({ hash: emailHash(c.email ?? c.id), customerIds: [c.id], requestId: 'bench', at: now });
    const clock = new ManualClock(now * 1000);
    const core = createCore({ dataDir, env: {}, clock, logToFile: false });
    core.settings.set('stripe.apiBase', stripe.url);
    core.secrets.set('stripe.secretKey', testKey);
    core.secrets.set('stripe.webhookSecret', webhookSecret);
    t = performance.now();
    cpu = process.cpuUsage();
    const written = writeBytes();
    await core.revenue.stripe.sync();
    const syncSeconds = (performance.now() - t) / 1000;
    const syncCpu = cpuMicros(cpu);
    const syncBytes = writeBytes() - written;
    report({
      name: `full Stripe sync of ${objects} objects (${dataset.counts.customer} customers, ${dataset.counts.subscription} subscriptions, ${dataset.counts.invoice} invoices), objects/s`,
      value: objects / syncSeconds,
      unit: 'objects/s',
      reference: { name: `a bare loop paging the same lists with the same client, storing nothing (${paged} objects)`, value: paged / bareSeconds },
      target: '≥ 0.8× the bare loop',
      higherIsBetter: true,
    });
    // steadier than the rates on a busy machine: the CPU of this process (the local Stripe's is its own) and the bytes it wrote
    report({ name: 'CPU of the app per object, the full sync', value: syncCpu / objects, unit: 'µs', reference: { name: 'the bare loop', value: bareCpu / paged } });
    report({ name: 'bytes written by the app per object, the full sync (WAL and checkpoints)', value: syncBytes / objects, unit: 'B' });

    const sub = (await client.subscriptions.list({ limit: 1 })).data[0]!;
    const times: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const payload = JSON.stringify({ id: `evt_bench${i}`, object: 'event', api_version: '2026-11-18.endive', created: now + i, data: { object: { ...sub, metadata: { i: String(i) } } }, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type: 'customer.subscription.updated' });
      const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret, timestamp: now });
      const started = performance.now();
      core.revenue.stripe.applyWebhook(payload, signature);
      times.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 5)); // 200 events/s
    }
    times.sort((a, b) => a - b);
    report({ name: 'a Stripe webhook verified and applied at 200 events/s: p95', value: percentile(times, 95), unit: 'ms', reference: { name: 'median', value: percentile(times, 50) }, target: '≤ 2 ms' });
    core.close();
  } finally {
    await stripe.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
