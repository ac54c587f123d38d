import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '..';
import { startFakeStripe, type FakeStripe, type StripeObject } from '../../../tests/helpers/stripe';
import { stripeCore } from '../../../tests/helpers/stripe/core';
import { callCostMinor } from '../ai/prices';

const at = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 12) / 1000;
const txn = (id: string, type: string, created: number, amount: number, fee: number): StripeObject => ({
  id, object: 'balance_transaction', amount, available_on: created, created, currency: 'usd', description: null, exchange_rate: null, fee, fee_details: [], net: amount - fee, reporting_category: type, source: null, status: 'available', type,
});

let stripe: FakeStripe;
let core: Core;

beforeAll(async () => {
  // "now" is 15 Nov 2026
  stripe = await startFakeStripe({ now: at(2026, 11, 15) });
  stripe.put(
    txn('txn_oct', 'charge', at(2026, 10, 10), 10000, 320),
    txn('txn_nov', 'charge', at(2026, 11, 3), 5000, 175),
    txn('txn_ref', 'refund', at(2026, 11, 5), -1000, 0),
    txn('txn_fee', 'stripe_fee', at(2026, 11, 8), -200, 0),
  );
  core = stripeCore(stripe).core;
  await core.revenue.stripe.sync();
  core.settings.set('revenue.rates', { eur: 1.2 });
  const prices = core.settings.get('ai.prices');
  const usage = core.db.prepare("INSERT INTO ai_usage (at, feature, model, input_tokens, output_tokens, cost_minor, latency_ms, outcome, error) VALUES (?, 'chat', ?, ?, ?, ?, 10, 'ok', NULL)");
  for (const [when, model, input, output] of [
    [at(2026, 11, 2), 'gpt-4o-mini', 1_000_000, 500_000],
    [at(2026, 11, 9), 'gpt-4o', 200_000, 100_000],
    [at(2026, 10, 20), 'gpt-4o', 400_000, 0],
  ] as const) usage.run(when * 1000, model, input, output, callCostMinor(prices, model, input, output));
  core.costs.add({ name: 'VPS', category: 'hosting', amountMinor: 3000, currency: 'usd', cycle: 'monthly', startDate: '2026-11-16' });
  core.costs.add({ name: 'levqor.com', category: 'domains', amountMinor: 12000, currency: 'USD', cycle: 'yearly', startDate: '2026-01-01' });
  core.costs.add({ name: 'Design tool', category: 'tools', amountMinor: 2000, currency: 'eur', cycle: 'monthly', startDate: '2026-06-01', endDate: '2026-10-20' });
  core.costs.add({ name: 'Logo', category: 'other', amountMinor: 5000, currency: 'usd', cycle: 'one-off', startDate: '2026-11-02' });
});
afterAll(async () => {
  core?.close();
  await stripe?.close();
});

describe('the month’s costs, revenue and margin', () => {
  it('November: AI rows priced by ai.prices, Stripe fees from the balance transactions, recurring costs by their cycle', () => {
    const r = core.costs.report({ month: '2026-11', months: 2 });
    expect(r.currency).toBe('usd');
    expect(r.months.map((m) => m.month)).toEqual(['2026-10', '2026-11']);
    expect(r.months[1]!.byCategory).toEqual({
      // gpt-4o-mini 1M in × 15¢ + 0.5M out × 60¢ = 45; gpt-4o 0.2M × 250¢ + 0.1M × 1000¢ = 150
      ai: 195,
      // the charge's own fee 175 + a fee on its own line 200
      'stripe-fees': 375,
      // $30 a month from the 16th of a 30-day month: 15 days
      hosting: 1500,
      // $120 a year: a twelfth
      domains: 1000,
      // ended in October
      tools: 0,
      // a one-off in its month
      other: 5000,
    });
    // 195 + 375 + 1500 + 1000 + 5000; revenue: 5000 paid − 1000 refunded, before fees
    expect(r).toMatchObject({ month: '2026-11', costsMinor: 8070, revenueMinor: 4000, marginMinor: -4070, revenueNote: null });
  });

  it('October: a euro cost ending mid-month, converted through revenue.rates', () => {
    const october = core.costs.report({ month: '2026-11', months: 2 }).months[0]!;
    // €20 × 20/31 days = 1290.32 euro cents × 1.2 = 1548.39 → 1548
    expect(october.byCategory).toEqual({ ai: 100, 'stripe-fees': 320, hosting: 0, domains: 1000, tools: 1548, other: 0 });
    expect(october).toMatchObject({ costsMinor: 2968, revenueMinor: 10000, marginMinor: 7032 });
  });

  it('the month defaults to this one, and a later month is refused naming the field', () => {
    expect(core.costs.report({ months: 1 }).month).toBe('2026-11');
    expect(() => core.costs.report({ month: '2026-12', months: 1 })).toThrow(/^month: must not be after this month \(2026-11\)/);
  });

  it('a currency without a rate is refused, naming the currency field and the rate table; nothing is saved', () => {
    const before = core.costs.list().costs.length;
    expect(() => core.costs.add({ name: 'Hosting in yen', category: 'hosting', amountMinor: 500, currency: 'jpy', cycle: 'monthly', startDate: '2026-11-01' })).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT', field: 'currency', message: expect.stringContaining('revenue.rates has no rate for JPY') }),
    );
    expect(core.costs.list().costs).toHaveLength(before);
  });
});
