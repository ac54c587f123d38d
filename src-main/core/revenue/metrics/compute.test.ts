import { describe, expect, it } from 'vitest';
import { at, ended, price, revenueInput, subscription, version } from '../../../../tests/helpers/stripe-objects';
import { computeRevenueMetrics } from './compute';

/**
 * Four customers at $100 from January; in February A churns, B drops to $50, C grows to
 * $150 and E joins at $100. Read on 20 February.
 */
function fourCustomers() {
  const jan = '2026-01-05';
  const a = subscription('sA', 'A', [[price(10000)]]);
  return revenueInput({
    subscriptionVersions: [
      version(a, jan),
      ended(a, '2026-02-10'),
      version(subscription('sB', 'B', [[price(10000)]]), jan),
      version(subscription('sB', 'B', [[price(5000)]]), '2026-02-11'),
      version(subscription('sC', 'C', [[price(10000)]]), jan),
      version(subscription('sC', 'C', [[price(15000)]]), '2026-02-12'),
      version(subscription('sD', 'D', [[price(10000)]]), jan),
      version(subscription('sE', 'E', [[price(10000)]]), '2026-02-13'),
    ],
  });
}

describe('computeRevenueMetrics', () => {
  it('gives churn rates, ARPA and LTV by their definitions', () => {
    const r = computeRevenueMetrics(fourCustomers(), { asOf: at('2026-02-20'), months: 2 });
    const feb = r.months[1]!;
    expect(feb.month).toBe('2026-02');
    // start 4 × 10000 = 40000; end B 5000 + C 15000 + D 10000 + E 10000 = 40000
    expect([feb.mrrStart, feb.mrrEnd]).toEqual([40000, 40000]);
    expect({ new: feb.new, expansion: feb.expansion, contraction: feb.contraction, churn: feb.churn, net: feb.net }).toEqual({ new: 10000, expansion: 5000, contraction: -5000, churn: -10000, net: 0 });
    // customer churn: 1 churned ÷ 4 at the start = 0.25
    expect(feb.customerChurnRate).toBe(0.25);
    // gross MRR churn: (10000 + 5000) ÷ 40000 = 0.375
    expect(feb.grossMrrChurnRate).toBe(0.375);
    // net MRR churn: (10000 + 5000 − 5000) ÷ 40000 = 0.25
    expect(feb.netMrrChurnRate).toBe(0.25);
    // ARPA: 40000 ÷ 4 customers = 10000
    expect(feb.arpa).toBe(10000);
    // LTV: trailing 6 months pool January (0 at start) and February (1 of 4): 1 ÷ 4 = 0.25; 10000 ÷ 0.25 = 40000
    expect(feb.ltv).toBe(40000);

    const jan = r.months[0]!;
    // January: no one at its start, so no churn rate, and no LTV, with the reason shown in its place
    expect(jan.customerChurnRate).toBeNull();
    expect(jan.ltv).toBeNull();
    expect(jan.ltvReason).toMatch(/^not enough data/);
  });

  it('says "not enough data" for LTV when no customer churned', () => {
    const r = computeRevenueMetrics(revenueInput({ subscriptionVersions: [version(subscription('s', 'A', [[price(5000)]]), '2026-01-05')] }), { asOf: at('2026-03-20'), months: 3 });
    expect(r.months[2]!.ltv).toBeNull();
    expect(r.months[2]!.ltvReason).toBe('not enough data: no customer churned in the last 6 months');
    expect(r.kpis.ltv).toEqual({ value: null, previous: null, change: null, changeRatio: null });
  });

  it('gives each KPI beside last month', () => {
    const r = computeRevenueMetrics(fourCustomers(), { asOf: at('2026-02-20'), months: 2 });
    // MRR 40000 in both: no change
    expect(r.kpis.mrr).toEqual({ value: 40000, previous: 40000, change: 0, changeRatio: 0 });
    // customers: 4 → 4
    expect(r.kpis.customers.value).toBe(4);
    // net new MRR: January +40000 (four new), February 0: change −40000, ratio −1
    expect(r.kpis.netNewMrr).toEqual({ value: 0, previous: 40000, change: -40000, changeRatio: -1 });
    expect(r.kpis.arr.value).toBe(480000);
    expect(r.month).toBe('2026-02');
    expect(r.currency).toBe('usd');
  });

  it('returns 24 months by default, oldest first, the month of asOf last', () => {
    const r = computeRevenueMetrics(revenueInput(), { asOf: at('2026-06-15') });
    expect(r.months).toHaveLength(24);
    expect(r.months[0]!.month).toBe('2024-07');
    expect(r.months[23]!.month).toBe('2026-06');
    expect(r.kpis.mrr).toEqual({ value: 0, previous: 0, change: 0, changeRatio: null });
  });

  it('refuses bad options, naming the field and the rule', () => {
    const input = revenueInput();
    expect(() => computeRevenueMetrics(input, { asOf: at('2026-06-15'), months: 0 })).toThrow('months: must be a whole number of months from 1 to 120');
    expect(() => computeRevenueMetrics(input, { asOf: at('2026-06-15'), months: 2.5 })).toThrow('months: must be a whole number of months from 1 to 120');
    expect(() => computeRevenueMetrics(input, { asOf: Date.UTC(2026, 5, 15) })).toThrow('asOf: must be epoch seconds');
    expect(() => computeRevenueMetrics(input, { asOf: at('2026-06-15'), currency: 'dollars' })).toThrow('currency: must be a three-letter currency code');
    expect(() => computeRevenueMetrics(input, { asOf: at('2026-06-15'), ltvTrailingMonths: 0 })).toThrow('ltvTrailingMonths: must be a whole number of months from 1 to 24');
  });
});
