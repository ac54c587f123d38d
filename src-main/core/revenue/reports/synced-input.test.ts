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
import { cashWindow } from './cash-input';
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
    const opts = { asOf, months: 24 };
    const window = cashWindow(asOf, opts.months, rates.base);
    const read = readRevenueInput(core.db, rates, window);
    // only what counts is read: paid invoices no subscription bills within the 24 months, those in
    // the report currency summed per month; charges without an invoice (none here)
    const paidAt = (i: (typeof input.invoices)[number]) => i.status_transitions!.paid_at!;
    const counted = input.invoices.filter((i) => !i.subscription && paidAt(i) >= window.starts[0]! && paidAt(i) < window.starts.at(-1)!);
    const months = new Set(counted.filter((i) => i.currency === 'usd').map((i) => window.starts.findLastIndex((s) => s <= paidAt(i))));
    expect(read.invoices.length).toBe(months.size + counted.filter((i) => i.currency !== 'usd').length);
    expect(counted.some((i) => i.currency !== 'usd')).toBe(true);
    expect(read.charges).toEqual([]);
    const figures = computeRevenueMetrics(read, opts);
    expect(figures).toEqual(computeRevenueMetrics(everyObject(core.db), opts));
    expect(figures).toEqual(computeRevenueMetrics(input, opts));
    expect(figures.kpis.oneOffRevenue.value).toBeGreaterThan(0);
  });

  it('still names the currency of an invoice it leaves out when that currency has no rate', () => {
    const input = revenueData({ customers: 20, subscriptions: 20, invoices: 50 }, asOf);
    input.invoices.push({ id: 'in_open_gbp', customer: 'cus_1', currency: 'gbp', status: 'open', amount_paid: 0, created: asOf - 86_400 });
    const core = stored(input);
    const noRates = { base: 'usd', rates: {} };
    expect(() => computeRevenueMetrics(readRevenueInput(core.db, noRates, cashWindow(asOf, 24, 'usd')), { asOf, months: 24 })).toThrow(/EUR, GBP/);
  });

  it('counts the same without cash outside the months shown, and still names its currency when it has no rate', () => {
    const input = revenueData({ customers: 20, subscriptions: 20, invoices: 50 }, asOf);
    const old = asOf - 40 * 31 * 86_400;
    input.invoices.push({ id: 'in_old_gbp', customer: 'cus_1', currency: 'gbp', status: 'paid', amount_paid: 999, created: old, status_transitions: { paid_at: old } });
    input.balanceTransactions.push({ id: 'txn_old_chf', amount: 500, fee: 20, net: 480, currency: 'chf', created: old, type: 'charge' });
    const core = stored(input);
    const read = readRevenueInput(core.db, rates, cashWindow(asOf, 24, 'usd'));
    expect(read.invoices.some((i) => i.currency === 'gbp')).toBe(false);
    expect(computeRevenueMetrics(read, { asOf, months: 24 })).toEqual(computeRevenueMetrics(input, { asOf, months: 24 }));
    const noRates = { base: 'usd', rates: {} };
    expect(() => computeRevenueMetrics(readRevenueInput(core.db, noRates, cashWindow(asOf, 24, 'usd')), { asOf, months: 24 })).toThrow(/CHF, EUR, GBP/);
  });

  it('reads subscription versions stored before migration 0031 from the revenue fields it back-fills, with the same figures', () => {
    const input = revenueData({ customers: 200, subscriptions: 300, invoices: 10 }, asOf);
    const db = openDatabase(join(tempDir(), 'b.db'));
    migrate(db, migrations.filter((m) => m.version < 31));
    const insert = db.prepare('INSERT INTO stripe_subscription_versions (subscription_id, valid_from, status, data) VALUES (?, ?, ?, ?)');
    for (const v of input.subscriptionVersions) insert.run(v.subscription_id, v.valid_from, v.data.status, JSON.stringify({ object: 'subscription', ...v.data, metadata: { plan: 'x' } }));
    migrate(db);
    const back = db.prepare('SELECT revenue_data FROM stripe_subscription_versions WHERE revenue_data IS NULL OR revenue_data LIKE ?').pluck().all('%metadata%');
    expect(back).toEqual([]);
    const only = (subscriptionVersions: RevenueInput['subscriptionVersions']): RevenueInput => ({ subscriptionVersions, invoices: [], charges: [], refunds: [], balanceTransactions: [], rates });
    const opts = { asOf, months: 36 };
    expect(computeRevenueMetrics(only(readSubscriptionVersions(db)), opts)).toEqual(computeRevenueMetrics(only(input.subscriptionVersions), opts));
    expect(input.subscriptionVersions.some((v) => v.data.discount)).toBe(true);
    db.close();
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
