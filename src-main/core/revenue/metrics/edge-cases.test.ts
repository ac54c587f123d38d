import { describe, expect, it } from 'vitest';
import { at, coupon, discount, ended, price, revenueInput, subscription, version } from '../../../../tests/helpers/stripe-objects';
import { computeRevenueMetrics, type MonthFigures } from './compute';
import { customerMrrAt, totalMrrAt } from './customer-mrr';
import { Converter } from './currency';
import type { SubscriptionVersion } from './model';
import { indexTimelines } from './timeline';

const asOf = at('2026-06-15T12:00:00Z');

function byMonth(versions: SubscriptionVersion[], options: { includeMetered?: boolean; rates?: Record<string, number> } = {}): Record<string, MonthFigures> {
  const input = revenueInput({ subscriptionVersions: versions, rates: { base: 'usd', rates: options.rates ?? {} } });
  const r = computeRevenueMetrics(input, { asOf, months: 6, ...(options.includeMetered ? { includeMetered: true } : {}) });
  return Object.fromEntries(r.months.map((m) => [m.month, m]));
}

describe('revenue metrics, more cases', () => {
  it('a cancellation at period end that is taken back before the end never churns', () => {
    const base = subscription('s1', 'A', [[price(4000)]]);
    const m = byMonth([
      version(base, '2026-01-15'),
      version({ ...base, cancel_at_period_end: true, canceled_at: at('2026-03-20'), cancel_at: at('2026-04-15') }, '2026-03-20'),
      version(base, '2026-04-02'), // "don't cancel": cancel_at cleared
    ]);
    for (const month of ['2026-03', '2026-04', '2026-05']) expect(m[month]!.churn, month).toBe(0);
    expect(m['2026-06']!.mrr).toBe(4000);
  });

  it('past_due still counts; unpaid is churn; paying again is a reactivation', () => {
    const base = subscription('s1', 'A', [[price(3000)]]);
    const m = byMonth([
      version(base, '2026-01-10'),
      version({ ...base, status: 'past_due' }, '2026-02-10'), // still 3000
      version({ ...base, status: 'unpaid' }, '2026-03-10'), // 0: churn −3000
      version(base, '2026-05-03'), // paid up: reactivation +3000
    ]);
    expect(m['2026-02']!.net).toBe(0);
    expect(m['2026-03']!.churn).toBe(-3000);
    expect(m['2026-05']!.reactivation).toBe(3000);
  });

  it('an annual plan with an amount-off coupon for 12 months rises when the coupon ends', () => {
    // $600 a year, $120 off each invoice for 12 months from 2025-03-01: (60000 − 12000) / 12 = 4000, then 60000 / 12 = 5000
    const m = byMonth([version(subscription('s1', 'A', [[price(60000, 'year')]], { discount: discount(coupon({ amountOff: 12000 }, 'repeating', 12), '2025-03-01', '2026-03-01') }), '2025-03-01')]);
    expect(m['2026-02']!.mrr).toBe(4000);
    expect(m['2026-03']!.expansion).toBe(1000);
    expect(m['2026-03']!.mrr).toBe(5000);
  });

  it('a trial with a first-months discount converts at the discounted price', () => {
    const trial = { trial_start: at('2026-02-01'), trial_end: at('2026-02-15') };
    const d = { discount: discount(coupon({ percentOff: 20 }, 'repeating', 3), '2026-02-15', '2026-05-15') };
    const m = byMonth([
      version(subscription('s1', 'A', [[price(5000)]], { status: 'trialing', ...trial, ...d }), '2026-02-01'),
      version(subscription('s1', 'A', [[price(5000)]], { ...trial, ...d }), '2026-02-15'),
    ]);
    // 5000 × 0.8 = 4000 new in February; the discount ends 15 May: +1000 expansion
    expect(m['2026-02']!.new).toBe(4000);
    expect(m['2026-05']!.expansion).toBe(1000);
  });

  it('a paused subscription is out of MRR until it resumes', () => {
    const base = subscription('s1', 'A', [[price(2500)]]);
    const m = byMonth([version(base, '2026-01-04'), version({ ...base, status: 'paused' }, '2026-02-04'), version(base, '2026-04-04')]);
    expect(m['2026-02']!.churn).toBe(-2500);
    expect(m['2026-04']!.reactivation).toBe(2500);
  });

  it('a customer with subscriptions in two currencies is one customer, in the report currency', () => {
    const m = byMonth(
      [
        version(subscription('s1', 'A', [[price(10000)]]), '2026-01-04'),
        version(subscription('s2', 'A', [[price(2000, 'month', { currency: 'gbp' })]]), '2026-03-04'),
      ],
      { rates: { gbp: 1.25 } },
    );
    // £20.00 × 1.25 = $25.00: expansion 2500, still one customer
    expect(m['2026-03']!.expansion).toBe(2500);
    expect(m['2026-03']!.customers).toBe(1);
    expect(m['2026-03']!.arpa).toBe(12500);
  });

  it('counts metered items only when asked', () => {
    const versions = [version(subscription('s1', 'A', [[price(5000)], [price(250, 'month', { metered: true })]]), '2026-01-04')];
    expect(byMonth(versions)['2026-06']!.mrr).toBe(5000);
    expect(byMonth(versions, { includeMetered: true })['2026-06']!.mrr).toBe(5250);
  });

  it('reads versions in any order, and a customer sent expanded', () => {
    const a = subscription('s1', { id: 'A' }, [[price(5000)]]);
    const shuffled = [version(subscription('s1', 'A', [[price(9000)]]), '2026-03-10'), version(a, '2026-01-05'), version(subscription('s2', 'A', [[price(1000)]]), '2026-02-01')];
    const m = byMonth(shuffled);
    expect(m['2026-01']!.new).toBe(5000);
    expect(m['2026-02']!.expansion).toBe(1000);
    expect(m['2026-03']!.expansion).toBe(4000); // 9000 − 5000
    expect(m['2026-03']!.customers).toBe(1);
  });

  it('gives MRR per customer at an instant, paying customers only', () => {
    const tl = indexTimelines([
      version(subscription('s1', 'A', [[price(5000)]]), '2026-01-05'),
      version(subscription('s2', 'B', [[price(7000)]], { status: 'trialing', trial_end: at('2026-07-01') }), '2026-06-01'),
      version(subscription('s3', 'C', [[price(1000), 2]]), '2026-02-05'),
      ended(subscription('s3', 'C', [[price(1000), 2]]), '2026-05-05'),
    ]);
    const usd = new Converter({ base: 'usd', rates: {} }, 'usd');
    expect(Object.fromEntries(customerMrrAt(tl, asOf, usd))).toEqual({ A: 5000 });
    expect(Object.fromEntries(customerMrrAt(tl, at('2026-03-01'), usd))).toEqual({ A: 5000, C: 2000 });
    expect(totalMrrAt(tl, at('2026-03-01'), usd)).toBe(7000);
  });

  it('several customers in one month: each movement lands in its own bucket', () => {
    const m = byMonth([
      version(subscription('a', 'A', [[price(1000)]]), '2026-01-02'),
      version(subscription('b', 'B', [[price(2000)]]), '2026-01-02'),
      version(subscription('c', 'C', [[price(3000)]]), '2026-01-02'),
      version(subscription('a', 'A', [[price(1500)]]), '2026-02-03'), // +500 expansion
      version(subscription('b', 'B', [[price(1200)]]), '2026-02-04'), // −800 contraction
      ended(subscription('c', 'C', [[price(3000)]]), '2026-02-05'), // −3000 churn
      version(subscription('d', 'D', [[price(4000)]]), '2026-02-06'), // +4000 new
    ]);
    const feb = m['2026-02']!;
    expect([feb.new, feb.expansion, feb.reactivation, feb.contraction, feb.churn]).toEqual([4000, 500, 0, -800, -3000]);
    // 6000 at the start; 6000 + 4000 + 500 − 800 − 3000 = 6700 = 1500 + 1200 + 4000
    expect([feb.mrrStart, feb.net, feb.mrrEnd]).toEqual([6000, 700, 6700]);
    // net MRR churn: (3000 + 800 − 500) ÷ 6000 = 0.55
    expect(feb.netMrrChurnRate).toBeCloseTo(0.55, 10);
  });
});
