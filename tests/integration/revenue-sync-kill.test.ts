import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, levqorAsync, levqorChild } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import { generateDataset, loadDataset, startFakeStripe, type FakeStripe } from '../helpers/stripe';
import { testKey } from '../helpers/stripe/core';

beforeAll(assertBuilt);

const now = Math.floor(Date.now() / 1000);
let stripe: FakeStripe;
const dataset = generateDataset({ seed: 11, customers: 120, now });
beforeAll(async () => {
  // every answer takes a little while, so the kill lands in the middle of the invoices
  stripe = await startFakeStripe({ now, delayMs: 40 });
  loadDataset(stripe, dataset);
});
afterAll(() => stripe.close());

function query<T>(data: string, sql: string): T {
  const db = new Database(join(data, 'levqor.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).pluck().get() as T;
  } finally {
    db.close();
  }
}

describe('kill -9 during a Stripe sync', () => {
  it('resumes from each list\u2019s cursor on the next sync and never stores a row twice', async () => {
    const data = join(tempDir('levqor-stripe-kill-'), 'data');
    const env = { LEVQOR_SECRET_KEY: 'b'.repeat(64), STRIPE_SECRET_KEY: testKey, LEVQOR_STRIPE_API_BASE: stripe.url };
    const app = levqorChild(['--data-dir', data, 'revenue', 'sync', '--json'], env);
    const exited = new Promise((r) => app.once('exit', r));
    // the child is killed once it has stored some invoices but not all
    await expect.poll(() => {
      try {
        return query<string | undefined>(data, "SELECT value FROM stripe_sync_state WHERE key = 'cursor:invoices'") !== undefined;
      } catch {
        return false;
      }
    }, { timeout: 30_000, interval: 20 }).toBe(true);
    app.kill('SIGKILL');
    await exited;
    const invoices = dataset.objects.filter((o) => o.object === 'invoice').length;
    const storedAtKill = query<number>(data, 'SELECT count(*) FROM stripe_invoices');
    expect(storedAtKill).toBeGreaterThan(0);
    expect(storedAtKill).toBeLessThan(invoices);

    const requestsBefore = stripe.requests.length;
    const next = await levqorAsync(['--data-dir', data, 'revenue', 'sync', '--json'], env);
    expect(next.code, next.stderr).toBe(0);
    const status = JSON.parse(next.stdout);
    expect(status).toMatchObject({ lastPassFull: true, lastPassReason: 'resuming the full sync that was interrupted (first sync)', lastError: null, mode: 'test' });
    const resumed = stripe.requests.slice(requestsBefore);
    // the lists finished before the kill are not fetched again; the invoices go on after their cursor
    expect(resumed.filter((r) => r.path === '/v1/customers')).toHaveLength(0);
    expect(resumed.find((r) => r.path === '/v1/invoices')?.query.starting_after).toEqual(expect.any(String));
    for (const [table, object] of [['stripe_invoices', 'invoice'], ['stripe_customers', 'customer'], ['stripe_subscriptions', 'subscription'], ['stripe_charges', 'charge']] as const) {
      expect(query<number>(data, `SELECT count(*) FROM ${table}`), table).toBe(dataset.objects.filter((o) => o.object === object).length);
    }
    expect(query<number>(data, 'SELECT count(*) FROM stripe_invoice_lines')).toBe(invoices + 11);
    expect(query<number>(data, "SELECT count(*) FROM stripe_sync_state WHERE key LIKE 'cursor:%'")).toBe(0);

    // the next sync reads the events since; `levqor status` shows the mode and the last sync
    const incremental = await levqorAsync(['--data-dir', data, 'revenue', 'sync', '--json'], env);
    expect(JSON.parse(incremental.stdout)).toMatchObject({ lastPassFull: false, lastError: null });
    const shown = await levqorAsync(['--data-dir', data, 'status'], env);
    expect(shown.stdout).toMatch(/Stripe\s+TEST MODE, last synced \d{4}-\d\d-\d\d /);
  });
});
