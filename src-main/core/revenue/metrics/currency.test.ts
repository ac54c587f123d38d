import { describe, expect, it } from 'vitest';
import { at, price, revenueInput, subscription, version } from '../../../../tests/helpers/stripe-objects';
import { computeRevenueMetrics } from './compute';
import { Converter, MissingRateError } from './currency';

const asOf = at('2026-03-20');

/** A USD customer at $100, a EUR one at €50 and a JPY one at ¥1,000 a month. */
const versions = [
  version(subscription('s1', 'US', [[price(10000)]]), '2026-03-01'),
  version(subscription('s2', 'EU', [[price(5000, 'month', { currency: 'eur' })]]), '2026-03-01'),
  version(subscription('s3', 'JP', [[price(1000, 'month', { currency: 'jpy' })]]), '2026-03-01'),
];

describe('totals across currencies', () => {
  it('converts through the founder’s rates, minding each currency’s decimals', () => {
    const input = revenueInput({ subscriptionVersions: versions, rates: { base: 'usd', rates: { eur: 1.1, jpy: 0.0065 } } });
    const r = computeRevenueMetrics(input, { asOf, months: 1 });
    // €50.00 × 1.1 = $55.00 → 5500; ¥1000 × 0.0065 = $6.50 → 650 (JPY has no decimals); 10000 + 5500 + 650 = 16150
    expect(r.kpis.mrr.value).toBe(16150);
    expect(r.currency).toBe('usd');
  });

  it('reports in another currency of the table through cross rates', () => {
    const input = revenueInput({ subscriptionVersions: versions, rates: { base: 'usd', rates: { eur: 1.25, jpy: 0.005 } } });
    const r = computeRevenueMetrics(input, { asOf, months: 1, currency: 'EUR' });
    // $100 ÷ 1.25 = €80 → 8000; €50 → 5000; ¥1000 × 0.005 ÷ 1.25 = €4 → 400; 8000 + 5000 + 400 = 13400
    expect(r.kpis.mrr.value).toBe(13400);
    expect(r.currency).toBe('eur');
  });

  it('refuses to add currencies it has no rate for, naming every one of them', () => {
    const input = revenueInput({ subscriptionVersions: versions, rates: { base: 'usd', rates: {} } });
    const attempt = () => computeRevenueMetrics(input, { asOf, months: 1 });
    expect(attempt).toThrow(MissingRateError);
    expect(attempt).toThrow(/^revenue\.rates has no rate for EUR, JPY, so amounts in EUR, JPY cannot be added into a USD total/);
    try {
      attempt();
    } catch (error) {
      expect((error as MissingRateError).missing).toEqual(['eur', 'jpy']);
      expect((error as MissingRateError).field).toBe('revenue.rates');
    }
  });

  it('names a missing rate found in a refund or a fee too', () => {
    const input = revenueInput({ refunds: [{ id: 're_1', amount: 500, currency: 'gbp', created: at('2026-03-02') }] });
    expect(() => computeRevenueMetrics(input, { asOf, months: 1 })).toThrow(/no rate for GBP/);
  });

  it('needs no rate when everything is in the report currency', () => {
    const input = revenueInput({ subscriptionVersions: [versions[1]!], rates: { base: 'eur', rates: {} } });
    expect(computeRevenueMetrics(input, { asOf, months: 1 }).kpis.mrr.value).toBe(5000);
  });

  it('converts three-decimal currencies and rounds half away from zero', () => {
    const c = new Converter({ base: 'usd', rates: { kwd: 3.25 } }, 'usd');
    // 1.500 KWD (1500 fils) × 3.25 = $4.875 → 487.5 cents → 488
    expect(c.convert(1500, 'kwd')).toBe(488);
    expect(c.convert(-1500, 'kwd')).toBe(-488);
    expect(c.convert(1234, 'USD')).toBe(1234);
  });
});
