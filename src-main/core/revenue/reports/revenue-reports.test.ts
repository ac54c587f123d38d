import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../..';
import { startFakeStripe, type FakeStripe } from '../../../../tests/helpers/stripe';
import { putThreeCustomers, threeCustomersNow } from '../../../../tests/helpers/stripe/three-customers';
import { stripeCore } from '../../../../tests/helpers/stripe/core';
import { createDispatcher } from '../../../api/dispatcher';

let stripe: FakeStripe;
const cores: Core[] = [];

beforeEach(async () => {
  stripe = await startFakeStripe({ now: threeCustomersNow });
  putThreeCustomers(stripe);
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
