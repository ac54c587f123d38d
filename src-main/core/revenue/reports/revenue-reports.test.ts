import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../..';
import { startFakeStripe, type FakeStripe, type StripeObject } from '../../../../tests/helpers/stripe';
import { stripeCore } from '../../../../tests/helpers/stripe/core';
import { createDispatcher } from '../../../api/dispatcher';

// 15 Nov 2026: this month is 2026-11
const now = Date.UTC(2026, 10, 15) / 1000;
const day = 86_400;
let stripe: FakeStripe;
const cores: Core[] = [];

const price = (id: string, amount: number, interval: 'month' | 'year', currency = 'usd') => ({
  id, object: 'price', active: true, currency, unit_amount: amount, product: 'prod_x', type: 'recurring', livemode: false, created: now - 400 * day,
  recurring: { interval, interval_count: 1, usage_type: 'licensed', meter: null },
});
const customer = (id: string, email: string, created: number): StripeObject => ({ id, object: 'customer', email, name: email.split('@')[0], created, livemode: false, currency: 'usd', metadata: {} });
const subscription = (id: string, cus: string, created: number, items: Array<[ReturnType<typeof price>, number]>, extra: Record<string, unknown> = {}): StripeObject => ({
  id, object: 'subscription', customer: cus, status: 'active', created, start_date: created, livemode: false, currency: items[0]![0].currency, metadata: {},
  items: { object: 'list', has_more: false, data: items.map(([p, quantity], i) => ({ id: `si_${id}_${i}`, object: 'subscription_item', price: p, quantity, created })) },
  discounts: [], discount: null, trial_start: null, trial_end: null, cancel_at_period_end: false, cancel_at: null, canceled_at: null, ended_at: null,
  ...extra,
});

beforeEach(async () => {
  stripe = await startFakeStripe({ now });
  stripe.put(
    customer('cus_a', 'ada@example.com', now - 100 * day),
    customer('cus_b', 'bo@example.com', now - 40 * day),
    customer('cus_c', 'cy@example.com', now - 10 * day),
    // 2 seats of $19 a month since August: 3800
    subscription('sub_a', 'cus_a', Date.UTC(2026, 7, 3) / 1000, [[price('price_m19', 1900, 'month'), 2]]),
    // $1,200 a year since October: 10000 a month, new in October
    subscription('sub_b', 'cus_b', Date.UTC(2026, 9, 6) / 1000, [[price('price_y1200', 120000, 'year'), 1]]),
    // €50 a month since November (rate 1.2 → $60): 6000, new in November
    subscription('sub_c', 'cus_c', Date.UTC(2026, 10, 5) / 1000, [[price('price_m50eur', 5000, 'month', 'eur'), 1]]),
  );
});
afterEach(async () => {
  for (const core of cores.splice(0)) core.close();
  await stripe.close();
});

async function synced() {
  const { core } = stripeCore(stripe);
  cores.push(core);
  core.settings.set('revenue.rates', { eur: 1.2 });
  await core.revenue.stripe.sync();
  return { core, api: createDispatcher(core) };
}

describe('the Revenue figures from the synced Stripe tables', () => {
  it('works out this month\u2019s KPIs and the movements by hand-computed figures', async () => {
    const { api, core } = await synced();
    expect(await api.call('revenue.metrics', {})).toMatchObject({ ok: true, value: { currency: 'usd', month: '2026-11' } });
    const { kpis, months } = core.revenue.reports.metrics({});
    expect(months).toHaveLength(24);
    // 3800 + 10000 + 5000 × 1.2
    expect(kpis.mrr).toMatchObject({ value: 19800, previous: 13800, change: 6000 });
    expect(kpis.arr.value).toBe(19800 * 12);
    expect(kpis.customers).toMatchObject({ value: 3, previous: 2 });
    expect(kpis.netNewMrr.value).toBe(6000);
    expect(months.find((m) => m.month === '2026-10')).toMatchObject({ new: 10000, churn: 0, mrrEnd: 13800 });
    expect(months.find((m) => m.month === '2026-08')).toMatchObject({ new: 3800, mrrEnd: 3800 });

    // a past month reads its own close; the report currency may be asked for
    expect(await api.call('revenue.metrics', { month: '2026-10' })).toMatchObject({ ok: true, value: { month: '2026-10', kpis: { mrr: { value: 13800, previous: 3800 } } } });
    expect(await api.call('revenue.metrics', { currency: 'eur' })).toMatchObject({ ok: true, value: { currency: 'eur', kpis: { mrr: { value: 16500 } } } });

    expect(await api.call('revenue.movements', { from: '2026-09', to: '2026-11' })).toMatchObject({ ok: true, value: { currency: 'usd' } });
    expect(core.revenue.reports.movements({ from: '2026-09', to: '2026-11' }).months.map((m) => [m.month, m.new, m.net, m.mrr])).toEqual([['2026-09', 0, 0, 3800], ['2026-10', 10000, 10000, 13800], ['2026-11', 6000, 6000, 19800]]);
  });

  it('lists the customers with their MRR now, by text and page by page', async () => {
    const { api, core } = await synced();
    expect(await api.call('revenue.customers', { limit: 2 })).toMatchObject({ ok: true, value: { currency: 'usd', customers: [{ id: 'cus_c', mrr: 6000, openSubscriptions: 1 }, { id: 'cus_b', mrr: 10000 }], nextCursor: expect.any(String) } });
    const { nextCursor } = core.revenue.reports.customers({ limit: 2 });
    expect(await api.call('revenue.customers', { limit: 2, cursor: nextCursor })).toMatchObject({ ok: true, value: { customers: [{ id: 'cus_a', email: 'ada@example.com', mrr: 3800 }] } });
    expect(await api.call('revenue.customers', { query: 'BO@' })).toMatchObject({ ok: true, value: { customers: [{ id: 'cus_b' }] } });
  });

  it('refuses bad input naming the field and the rule', async () => {
    const { api, core } = await synced();
    expect(await api.call('revenue.metrics', { month: '2026-13' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'month', message: expect.stringContaining('YYYY-MM') } });
    expect(await api.call('revenue.metrics', { month: '2030-01' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'month', message: expect.stringContaining('must not be after this month') } });
    expect(await api.call('revenue.movements', { from: '2026-11', to: '2026-09' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'from' } });
    expect(await api.call('revenue.customers', { cursor: 'garbage' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'cursor' } });
    // a currency without a rate is never mixed in
    core.settings.set('revenue.rates', {});
    expect(await api.call('revenue.metrics', {})).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'revenue.rates', message: expect.stringContaining('EUR') } });
  });
});
