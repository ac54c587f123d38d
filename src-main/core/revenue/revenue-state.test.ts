import { join } from 'node:path';
import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '..';
import { revenueData } from '../../../bench/revenue-data';
import { startFakeStripe, type FakeStripe, type StripeObject } from '../../../tests/helpers/stripe';
import { stripeCore, webhookSecret } from '../../../tests/helpers/stripe/core';
import { putThreeCustomers, threeCustomersNow } from '../../../tests/helpers/stripe/three-customers';
import { at, price, revenueInput, subscription, version } from '../../../tests/helpers/stripe-objects';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import { openDatabase } from '../db/open';
import { computeRevenueMetrics } from './metrics';
import { readSubscriptionTimelines, readSubscriptionVersions } from './reports/synced-input';
import { SubscriptionVersions } from './sync/subscription-versions';
import type { StripeJson } from './sync/json';

const cores: Core[] = [];
const stripes: FakeStripe[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) core.close();
  for (const stripe of stripes.splice(0)) await stripe.close();
});

const stateRows = (core: Core) => core.db.prepare('SELECT subscription_id, valid_from, customer, revenue_state FROM stripe_subscription_versions ORDER BY subscription_id, valid_from').raw().all();

describe('the prepared state stored beside each subscription version', () => {
  it('is written by the full sync and by a webhook alike, and a discount a webhook names by id still counts', async () => {
    const now = threeCustomersNow;
    const stripe = await startFakeStripe({ now });
    stripes.push(stripe);
    putThreeCustomers(stripe);
    const bStart = Date.UTC(2026, 9, 6) / 1000;
    const discount = { id: 'di_b', object: 'discount', customer: 'cus_b', subscription: 'sub_b', start: bStart, end: null, coupon: { id: 'co_10', object: 'coupon', percent_off: 10, amount_off: null, duration: 'forever', duration_in_months: null } };
    const subB = stripe.get('sub_b')!;
    stripe.put({ ...subB, discounts: [discount], discount });
    const { core, clock } = stripeCore(stripe);
    cores.push(core);
    core.settings.set('revenue.rates', { eur: 1.2 });
    await core.revenue.stripe.sync();
    // a yearly $1,200 is 10000 a month over a 12-month period, 10% off for ever
    expect(stateRows(core)).toEqual([
      ['sub_a', Date.UTC(2026, 7, 3) / 1000, 'cus_a', '["usd",3800,1,null,null,0]'],
      ['sub_b', bStart, 'cus_b', `["usd",10000,12,null,null,[[10,0,${bStart},null]]]`],
      ['sub_c', Date.UTC(2026, 10, 5) / 1000, 'cus_c', '["eur",5000,1,null,null,0]'],
    ]);

    // events carry a subscription's discounts as ids: the state is stored without them, and they are read from the synced discounts
    const items = subB.items as { data: StripeJson[] };
    const object = { ...subB, items: { ...items, data: [{ ...items.data[0], quantity: 2 }] }, discounts: ['di_b'], discount };
    const payload = JSON.stringify({ id: 'evt_b2', object: 'event', type: 'customer.subscription.updated', created: now + 60, livemode: false, data: { object } });
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret, timestamp: now });
    expect(core.revenue.stripe.applyWebhook(payload, signature)).toMatchObject({ applied: true });
    expect(stateRows(core)[2]).toEqual(['sub_b', now + 60, 'cus_b', '["usd",20000,12,null,null,null]']);
    clock.set((now + 120) * 1000);
    // 3800 + 20000 × 0.9 + 5000 × 1.2
    expect(core.revenue.reports.metrics({}).kpis.mrr.value).toBe(27_800);
    const decoded = revenueInput({ subscriptionVersions: readSubscriptionVersions(core.db), rates: { base: 'usd', rates: { eur: 1.2 } } });
    const prepared = { ...decoded, subscriptionVersions: [], preparedTimelines: readSubscriptionTimelines(core.db) };
    expect(computeRevenueMetrics(prepared, { asOf: now + 120 })).toEqual(computeRevenueMetrics(decoded, { asOf: now + 120 }));
  });

  it('is worked out and stored on the first read for versions stored before migration 0035, with the same figures', () => {
    const asOf = at('2026-06-15T12:00:00Z');
    const input = revenueData({ customers: 150, subscriptions: 200, invoices: 0 }, asOf);
    const db = openDatabase(join(tempDir(), 'c.db'));
    migrate(db, migrations.filter((m) => m.version < 31));
    const insert = db.prepare('INSERT INTO stripe_subscription_versions (subscription_id, valid_from, status, data) VALUES (?, ?, ?, ?)');
    for (const v of input.subscriptionVersions) insert.run(v.subscription_id, v.valid_from, v.data.status, JSON.stringify({ object: 'subscription', ...v.data }));
    migrate(db);
    const missing = db.prepare('SELECT count(*) FROM stripe_subscription_versions WHERE revenue_state IS NULL OR customer IS NULL').pluck();
    expect(missing.get()).toBe(input.subscriptionVersions.length);

    const first = readSubscriptionTimelines(db);
    expect(missing.get()).toBe(0);
    const changes = db.prepare('SELECT total_changes()').pluck();
    const before = changes.get();
    const second = readSubscriptionTimelines(db);
    expect(changes.get()).toBe(before);
    expect(second).toEqual(first);
    const opts = { asOf, months: 36 };
    expect(computeRevenueMetrics({ ...input, preparedTimelines: first }, opts)).toEqual(computeRevenueMetrics(input, opts));
    db.close();
  });

  it('holds metered items apart: counted only when asked, and never read for the other choice', () => {
    const db = openDatabase(join(tempDir(), 'd.db'));
    migrate(db);
    const metered = subscription('sub_m', 'cus_m', [[price(2000)], [price(30, 'month', { metered: true }), 100]]);
    new SubscriptionVersions(db).record({ object: 'subscription', ...metered } as unknown as StripeJson, at('2026-01-10'));
    expect(db.prepare('SELECT revenue_state FROM stripe_subscription_versions').pluck().get()).toBe('["usd",2000,1,null,null,0,5000,1]');
    const asOf = at('2026-03-15');
    const mrr = (includeMetered: boolean) => computeRevenueMetrics(revenueInput({ preparedTimelines: readSubscriptionTimelines(db, { includeMetered }) }), { asOf, includeMetered }).kpis.mrr.value;
    expect([mrr(false), mrr(true)]).toEqual([2000, 5000]);
    expect(computeRevenueMetrics(revenueInput({ subscriptionVersions: [version(metered, '2026-01-10')] }), { asOf, includeMetered: true }).kpis.mrr.value).toBe(5000);
    expect(() => computeRevenueMetrics(revenueInput({ preparedTimelines: readSubscriptionTimelines(db) }), { asOf, includeMetered: true })).toThrow(/includeMetered.*must be false/);
    db.close();
  });
});
