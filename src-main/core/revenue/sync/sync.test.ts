import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../..';
import { generateDataset, loadDataset, startFakeStripe, type Dataset, type FakeStripe, type StripeObject } from '../../../../tests/helpers/stripe';
import { liveKey, stripeCore } from '../../../../tests/helpers/stripe/core';

const now = Date.UTC(2026, 10, 1) / 1000;
let stripe: FakeStripe;
let dataset: Dataset;
const cores: Core[] = [];

beforeEach(async () => {
  stripe = await startFakeStripe({ now });
  dataset = generateDataset({ seed: 7, customers: 60, now });
  loadDataset(stripe, dataset);
});
afterEach(async () => {
  for (const core of cores.splice(0)) core.close();
  await stripe.close();
});

function open(options: Parameters<typeof stripeCore>[1] = {}) {
  const made = stripeCore(stripe, options);
  cores.push(made.core);
  return made;
}

const count = (core: Core, table: string) => core.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const dataOf = (core: Core, table: string, id: string) => JSON.parse(core.db.prepare(`SELECT data FROM ${table} WHERE id = ?`).pluck().get(id) as string) as StripeObject;
const ofKind = (object: string) => dataset.objects.filter((o) => o.object === object);

describe('the first Stripe sync', () => {
  it('pages through every list into the tables, keeping each object as Stripe sent it, with progress', async () => {
    const { core } = open();
    const progress: unknown[] = [];
    core.events.on('revenue.syncProgress', (p) => progress.push(p));
    const status = await core.revenue.stripe.sync();
    expect(status).toMatchObject({ configured: true, mode: 'test', modeSet: 'test', running: false, lastError: null, lastPassFull: true, lastPassReason: 'first sync' });
    const tables: Array<[string, string]> = [
      ['stripe_customers', 'customer'], ['stripe_products', 'product'], ['stripe_prices', 'price'], ['stripe_coupons', 'coupon'], ['stripe_subscriptions', 'subscription'], ['stripe_invoices', 'invoice'],
      ['stripe_charges', 'charge'], ['stripe_refunds', 'refund'], ['stripe_balance_transactions', 'balance_transaction'], ['stripe_payment_links', 'payment_link'], ['stripe_checkout_sessions', 'checkout.session'],
    ];
    for (const [table, object] of tables) expect(count(core, table), table).toBe(ofKind(object).length);
    expect(status.lastPassCounts.invoices).toBe(ofKind('invoice').length);
    expect(ofKind('invoice').length).toBeGreaterThan(100); // more than one page

    // canceled subscriptions are listed too (status=all), with their discounts expanded
    const canceled = ofKind('subscription').find((s) => s.status === 'canceled' && (s.discounts as string[]).length > 0) ?? ofKind('subscription').find((s) => s.status === 'canceled')!;
    const stored = dataOf(core, 'stripe_subscriptions', canceled.id);
    expect(stored.items).toEqual(canceled.items);
    expect((stored.discounts as unknown[]).map((d) => (d as StripeObject).id)).toEqual(canceled.discounts);
    expect(count(core, 'stripe_subscription_items')).toBe(ofKind('subscription').length);
    expect(count(core, 'stripe_discounts')).toBe(ofKind('discount').length);
    const invoice = ofKind('invoice')[0]!;
    expect(dataOf(core, 'stripe_invoices', invoice.id).lines).toEqual(invoice.lines);
    // one invoice has 12 lines: Stripe embeds 10, the other 2 come from its lines endpoint
    const lines = ofKind('invoice').reduce((n, i) => n + (i.lines as { data: unknown[] }).data.length, 0);
    expect(lines).toBe(ofKind('invoice').length + 11);
    expect(core.db.prepare('SELECT count(*) FROM stripe_invoice_lines').pluck().get()).toBe(lines);
    const bundle = ofKind('invoice').find((i) => (i.lines as { data: unknown[] }).data.length === 12)!;
    expect(dataOf(core, 'stripe_invoices', bundle.id).lines).toMatchObject({ has_more: true, data: expect.any(Array) });
    expect(stripe.requests.filter((r) => r.path === `/v1/invoices/${bundle.id}/lines`)).toHaveLength(1);
    const txn = ofKind('balance_transaction').find((t) => t.type === 'charge')!;
    expect(core.db.prepare('SELECT amount, fee, net, currency FROM stripe_balance_transactions WHERE id = ?').get(txn.id)).toEqual({ amount: txn.amount, fee: txn.fee, net: txn.net, currency: txn.currency });

    // the first state of each subscription began at its start
    const version = core.db.prepare('SELECT valid_from, status FROM stripe_subscription_versions WHERE subscription_id = ?').all(canceled.id);
    expect(version).toEqual([{ valid_from: canceled.start_date, status: 'canceled' }]);
    expect(progress).toContainEqual({ kind: 'invoices', count: ofKind('invoice').length, full: true });
    expect(progress.filter((p) => (p as { kind: string }).kind === 'invoices').length).toBeGreaterThan(1);
  });

  it('refuses a wrong key, a revoked key and a key of the other mode, naming the key, and stores nothing', async () => {
    const wrong = open({ key: 'sk_test_notAKeyStripeKnows' }).core;
    await expect(wrong.revenue.stripe.sync()).rejects.toMatchObject({ code: 'UNAUTHORIZED', field: 'stripe.secretKey', message: expect.stringContaining('Stripe refused this key') });
    expect(count(wrong, 'stripe_products')).toBe(0);
    expect(wrong.revenue.stripe.status()).toMatchObject({ lastError: expect.stringContaining('stripe.secretKey'), lastSuccessAt: null });
    expect(wrong.revenue.stripe.status().lastError).not.toContain('notAKey');

    stripe.keys.revoked.add('sk_test_revoked');
    const revoked = open({ key: 'sk_test_revoked' }).core;
    await expect(revoked.revenue.stripe.sync()).rejects.toMatchObject({ code: 'UNAUTHORIZED', field: 'stripe.secretKey' });
    expect(count(revoked, 'stripe_customers')).toBe(0);

    const requestsBefore = stripe.requests.length;
    const live = open({ key: liveKey }).core;
    await expect(live.revenue.stripe.sync()).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'stripe.secretKey', message: expect.stringContaining('live-mode key but the setting stripe.mode is test') });
    expect(stripe.requests.length).toBe(requestsBefore);
    expect(live.revenue.stripe.status()).toMatchObject({ mode: 'live', modeSet: 'test' });
    live.settings.set('stripe.mode', 'live');
    await expect(live.revenue.stripe.sync()).resolves.toMatchObject({ mode: 'live', lastPassFull: true });

    expect(await wrong.secrets.test('stripe.secretKey')).toMatchObject({ outcome: 'failed', message: expect.stringContaining('Stripe refused this key') });
    expect(await live.secrets.test('stripe.secretKey')).toMatchObject({ outcome: 'ok', message: 'Stripe accepted this live-mode key' });

    const none = open({ key: null }).core;
    await expect(none.revenue.stripe.sync()).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'stripe.secretKey', message: expect.stringContaining('is not set') });
  });

  it('retries 429 after the Retry-After Stripe asks for, and 5xx with backoff', async () => {
    const { core } = open();
    stripe.inject({ status: 429, retryAfter: 1, times: 1, path: '/v1/customers' });
    stripe.inject({ status: 500, times: 2, path: '/v1/invoices' });
    stripe.inject({ status: 503, times: 1, path: '/v1/charges' });
    const started = Date.now();
    const status = await core.revenue.stripe.sync();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(status.lastError).toBeNull();
    expect(count(core, 'stripe_customers')).toBe(ofKind('customer').length);
    expect(count(core, 'stripe_invoices')).toBe(ofKind('invoice').length);
    const firstPages = stripe.requests.filter((r) => r.path === '/v1/invoices' && r.query.starting_after === undefined);
    expect(firstPages.length).toBe(3);
  });

  it('gives up after the policy\u2019s tries and says when it last succeeded and why it failed', async () => {
    const { core } = open();
    await core.revenue.stripe.sync();
    const succeeded = core.revenue.stripe.status().lastSuccessAt;
    stripe.inject({ status: 500, times: 100 });
    await expect(core.revenue.stripe.sync()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(core.revenue.stripe.status()).toMatchObject({ lastSuccessAt: succeeded, lastError: expect.stringContaining('HTTP 500') });
  });
});

describe('later syncs', () => {
  it('apply the events since the last one seen: new states of a subscription as versions, churn and failed payments announced', async () => {
    const { core, clock } = open();
    await core.revenue.stripe.sync();
    const sub = structuredClone(ofKind('subscription').find((s) => s.status === 'active')!);
    const t1 = now + 600;
    const upgraded = { ...sub, items: { ...(sub.items as object), data: [{ ...(sub.items as { data: StripeObject[] }).data[0]!, quantity: 7 }] } };
    stripe.emit('customer.subscription.updated', upgraded, t1);
    const t2 = now + 1200;
    stripe.emit('customer.subscription.deleted', { ...upgraded, status: 'canceled', canceled_at: t2, ended_at: t2 }, t2);
    const invoice = structuredClone(ofKind('invoice').find((i) => i.status === 'paid')!);
    // no charge was made (older API versions say charge: null): the invoice's failure is the one (payment-failed.test.ts has the charge's)
    stripe.emit('invoice.payment_failed', { ...invoice, charge: null, status: 'open', amount_paid: 0, amount_remaining: invoice.amount_due }, t2);
    const churned: unknown[] = [];
    const failed: unknown[] = [];
    core.events.on('subscription.churned', (e) => churned.push(e));
    core.events.on('payment.failed', (e) => failed.push(e));
    clock.set((now + 1800) * 1000);

    const status = await core.revenue.stripe.sync();
    expect(status).toMatchObject({ lastPassFull: false, lastPassReason: 'events since the last one seen', lastError: null });
    // events of the second the first pass began are listed again (created[gte]); those not yet applied are applied once
    const newest = Math.max(...dataset.events.map((e) => e.created));
    expect(status.lastPassCounts.events).toBe(3 + dataset.events.filter((e) => e.created === newest).length);
    const versions = core.db.prepare('SELECT valid_from, status FROM stripe_subscription_versions WHERE subscription_id = ? ORDER BY valid_from').all(sub.id);
    expect(versions).toEqual([
      { valid_from: sub.start_date, status: 'active' },
      { valid_from: t1, status: 'active' },
      { valid_from: t2, status: 'canceled' },
    ]);
    expect(core.db.prepare('SELECT quantity FROM stripe_subscription_items WHERE subscription_id = ?').pluck().get(sub.id)).toBe(7);
    expect(churned).toEqual([{ subscriptionId: sub.id, customerId: sub.customer, at: t2 * 1000, livemode: false }]);
    expect(failed).toEqual([expect.objectContaining({ invoiceId: invoice.id, amount: invoice.amount_due, currency: invoice.currency })]);

    // nothing new: nothing applied twice
    const again = await core.revenue.stripe.sync();
    expect(again.lastPassCounts.events).toBe(0);
    expect(churned).toHaveLength(1);
  });

  it('fall back to a full pass when the last event seen is older than the 30 days Stripe keeps, and say so', async () => {
    const { core, clock } = open();
    await core.revenue.stripe.sync();
    clock.advance(31 * 86_400_000);
    stripe.setNow(now + 31 * 86_400);
    const status = await core.revenue.stripe.sync();
    expect(status).toMatchObject({ lastPassFull: true, lastPassReason: 'the last sync is older than the 30 days of events Stripe keeps' });
    expect(count(core, 'stripe_customers')).toBe(ofKind('customer').length);
  });

  it('run on the schedule while the app runs; offline they wait, keeping the last success and saying the error', async () => {
    const { core } = open();
    core.settings.set('stripe.syncEvery', 1);
    core.background.start();
    await expect.poll(() => core.revenue.stripe.status().lastSuccessAt, { timeout: 10_000, interval: 100 }).not.toBeNull();
    await core.background.stop();
    expect(count(core, 'stripe_customers')).toBe(ofKind('customer').length);

    const offline = open().core;
    offline.settings.set('stripe.apiBase', 'http://127.0.0.1:9/');
    offline.background.start();
    await expect.poll(() => offline.revenue.stripe.status().lastError, { timeout: 10_000, interval: 100 }).toContain('Stripe could not be reached');
    await offline.background.stop();
    expect(offline.revenue.stripe.status()).toMatchObject({ lastSuccessAt: null, running: false });
  });

  it('page through everything again after a change of mode, and say so', async () => {
    const { core } = open();
    await core.revenue.stripe.sync();
    core.settings.set('stripe.mode', 'live');
    core.secrets.set('stripe.secretKey', liveKey);
    expect(await core.revenue.stripe.sync()).toMatchObject({ mode: 'live', lastPassFull: true, lastPassReason: 'the mode changed from test to live' });
  });

  it('join the pass already running instead of starting another', async () => {
    const { core } = open();
    const [a, b] = await Promise.all([core.revenue.stripe.sync(), core.revenue.stripe.sync({ full: true })]);
    expect(a).toEqual(b);
    expect(stripe.requests.filter((r) => r.path === '/v1/customers' && r.query.starting_after === undefined)).toHaveLength(1);
  });
});
