import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, ManualClock, type Core } from '../..';
import { revenueData } from '../../../../bench/revenue-data';
import { at } from '../../../../tests/helpers/stripe-objects';
import { storeRevenueData } from '../../../../tests/helpers/stripe/store-revenue-input';
import { tempDir } from '../../../../tests/helpers/temp-dir';
import { migrate } from '../../db/migrate';
import { migrations } from '../../db/migrations';
import { openDatabase, type Db } from '../../db/open';
import { computeRevenueMetrics, type RateTable, type RevenueInput } from '../metrics';
import { readRevenueInput, readSubscriptionVersions } from './synced-input';

const asOf = at('2026-06-15T12:00:00Z');
const rates: RateTable = { base: 'usd', rates: { eur: 1.08 } };
const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

/** The reader before it read columns: every stored object's `data`, parsed. */
function everyObject(db: Db): RevenueInput {
  const all = (table: string) => (db.prepare(`SELECT data FROM ${table} WHERE deleted = 0`).pluck().all() as string[]).map((d) => JSON.parse(d));
  return { subscriptionVersions: readSubscriptionVersions(db), invoices: all('stripe_invoices'), charges: all('stripe_charges'), refunds: all('stripe_refunds'), balanceTransactions: all('stripe_balance_transactions'), rates };
}

function stored(input: RevenueInput): Core {
  const core = createCore({ dataDir: tempDir(), env: {}, clock: new ManualClock(asOf * 1000), logToFile: false });
  cores.push(core);
  storeRevenueData(core.db, input);
  return core;
}

describe('the metrics\u2019 input read from the synced tables', () => {
  it('gives the same figures from the columns as from every object\u2019s data, and as in memory', () => {
    const input = revenueData({ customers: 300, subscriptions: 400, invoices: 3_000 }, asOf);
    const core = stored(input);
    const read = readRevenueInput(core.db, rates);
    // only what counts is read: paid invoices no subscription bills, charges without an invoice
    expect(read.invoices.length).toBe(input.invoices.filter((i) => !i.subscription).length);
    expect(read.charges).toEqual([]);
    const opts = { asOf, months: 24 };
    const figures = computeRevenueMetrics(read, opts);
    expect(figures).toEqual(computeRevenueMetrics(everyObject(core.db), opts));
    expect(figures).toEqual(computeRevenueMetrics(input, opts));
    expect(figures.kpis.oneOffRevenue.value).toBeGreaterThan(0);
  });

  it('still names the currency of an invoice it leaves out when that currency has no rate', () => {
    const input = revenueData({ customers: 20, subscriptions: 20, invoices: 50 }, asOf);
    input.invoices.push({ id: 'in_open_gbp', customer: 'cus_1', currency: 'gbp', status: 'open', amount_paid: 0, created: asOf - 86_400 });
    const core = stored(input);
    expect(() => computeRevenueMetrics(readRevenueInput(core.db, { base: 'usd', rates: {} }), { asOf, months: 24 })).toThrow(/EUR, GBP/);
  });

  it('fills the new columns from data for objects stored before migration 0027', () => {
    const db = openDatabase(join(tempDir(), 'a.db'));
    migrate(db, migrations.filter((m) => m.version < 27));
    const row = (table: string, id: string, data: object, extra = '') =>
      db.prepare(`INSERT INTO ${table} (id, livemode, created, state_at, data${extra ? `, ${extra}` : ''}) VALUES (?, 0, 1, 1, ?${extra ? ', NULL' : ''})`).run(id, JSON.stringify({ id, ...data }));
    row('stripe_charges', 'ch_text', { invoice: 'in_1' });
    row('stripe_charges', 'ch_expanded', { invoice: { id: 'in_2', object: 'invoice' } });
    row('stripe_charges', 'ch_none', { invoice: null });
    row('stripe_invoices', 'in_legacy', { subscription: 'sub_1' });
    row('stripe_invoices', 'in_oneoff', { subscription: null });
    db.prepare("INSERT INTO stripe_invoices (id, livemode, created, state_at, subscription, data) VALUES ('in_parent', 0, 1, 1, 'sub_2', '{}')").run();
    migrate(db);
    expect(db.prepare('SELECT id, invoice FROM stripe_charges ORDER BY id').all()).toEqual([{ id: 'ch_expanded', invoice: 'in_2' }, { id: 'ch_none', invoice: null }, { id: 'ch_text', invoice: 'in_1' }]);
    expect(db.prepare('SELECT id, subscription FROM stripe_invoices ORDER BY id').all()).toEqual([{ id: 'in_legacy', subscription: 'sub_1' }, { id: 'in_oneoff', subscription: null }, { id: 'in_parent', subscription: 'sub_2' }]);
    db.close();
  });
});
