import { describe, expect, it } from 'vitest';
import { at, coupon, discount, ended, price, revenueInput, subscription, version } from '../../../../tests/helpers/stripe-objects';
import { computeRevenueMetrics, type MonthFigures } from './compute';
import type { SubscriptionVersion } from './model';

/** Six months, January to June 2026, read on 15 June at noon. */
function months(versions: SubscriptionVersion[]): Record<string, MonthFigures> {
  const result = computeRevenueMetrics(revenueInput({ subscriptionVersions: versions }), { asOf: at('2026-06-15T12:00:00Z'), months: 6 });
  return Object.fromEntries(result.months.map((m) => [m.month, m]));
}

/** The five movements of a month, for a compact expectation. */
function moves(m: MonthFigures | undefined) {
  return m && { new: m.new, expansion: m.expansion, reactivation: m.reactivation, contraction: m.contraction, churn: m.churn };
}

const none = { new: 0, expansion: 0, reactivation: 0, contraction: 0, churn: 0 };

/** Customer R pays $20 from `start` until `end`, then comes back at `backAmount` on `back` with a new subscription. */
function leftAndCameBack(start: string, end: string, back: string, backAmount: number): SubscriptionVersion[] {
  const first = subscription('s1', 'R', [[price(2000)]]);
  return [version(first, start), ended(first, end), version(subscription('s2', 'R', [[price(backAmount)]]), back)];
}

describe('MRR movements per month', () => {
  it('a new customer, then an upgrade and a downgrade mid-month', () => {
    const m = months([
      version(subscription('s1', 'A', [[price(5000)]]), '2026-01-05'),
      version(subscription('s1', 'A', [[price(8000)]]), '2026-03-12'), // upgrade 50 → 80
      version(subscription('s1', 'A', [[price(3000)]]), '2026-04-20'), // downgrade 80 → 30
    ]);
    expect(moves(m['2026-01'])).toEqual({ ...none, new: 5000 }); // 0 → 5000
    expect(moves(m['2026-02'])).toEqual(none);
    expect(moves(m['2026-03'])).toEqual({ ...none, expansion: 3000 }); // 8000 − 5000
    expect(moves(m['2026-04'])).toEqual({ ...none, contraction: -5000 }); // 3000 − 8000
    expect(m['2026-04']!.mrr).toBe(3000);
  });

  it('an upgrade and a downgrade inside one month net out', () => {
    const m = months([
      version(subscription('s1', 'A', [[price(5000)]]), '2026-01-05'),
      version(subscription('s1', 'A', [[price(9000)]]), '2026-02-03'),
      version(subscription('s1', 'A', [[price(6000)]]), '2026-02-20'),
    ]);
    // close of January 5000, close of February 6000: one expansion of 1000
    expect(moves(m['2026-02'])).toEqual({ ...none, expansion: 1000 });
  });

  it('a quantity change is expansion or contraction', () => {
    const m = months([
      version(subscription('s1', 'A', [[price(1000), 3]]), '2026-01-05'), // 3 × 1000 = 3000
      version(subscription('s1', 'A', [[price(1000), 5]]), '2026-02-10'), // 5 × 1000 = 5000
      version(subscription('s1', 'A', [[price(1000), 4]]), '2026-03-10'), // 4 × 1000 = 4000
    ]);
    expect(moves(m['2026-02'])).toEqual({ ...none, expansion: 2000 });
    expect(moves(m['2026-03'])).toEqual({ ...none, contraction: -1000 });
  });

  it('annual and weekly plans enter as their monthly share', () => {
    const m = months([
      version(subscription('y', 'A', [[price(120000, 'year')]]), '2026-02-10'), // 120000 / 12 = 10000
      version(subscription('w', 'B', [[price(1000, 'week')]]), '2026-02-11'), // 1000 × 52 / 12 = 4333.3 → 4333
    ]);
    expect(moves(m['2026-02'])).toEqual({ ...none, new: 14333 });
    expect(m['2026-02']!.newCustomers).toBe(2);
    expect(m['2026-06']!.arr).toBe(14333 * 12);
  });

  it('a trial counts nothing; its conversion is new business in the month it converts', () => {
    const m = months([
      version(subscription('s1', 'A', [[price(5000)]], { status: 'trialing', trial_start: at('2026-02-20'), trial_end: at('2026-03-06') }), '2026-02-20'),
      version(subscription('s1', 'A', [[price(5000)]], { trial_start: at('2026-02-20'), trial_end: at('2026-03-06') }), '2026-03-06'),
    ]);
    expect(moves(m['2026-02'])).toEqual(none);
    expect(m['2026-02']!.customers).toBe(0);
    expect(moves(m['2026-03'])).toEqual({ ...none, new: 5000 });
  });

  it('cancel_at_period_end churns at the period end, not at the click', () => {
    const base = subscription('s1', 'A', [[price(4000)]]);
    const m = months([
      version(base, '2026-01-15'),
      version({ ...base, cancel_at_period_end: true, canceled_at: at('2026-03-20'), cancel_at: at('2026-04-15') }, '2026-03-20'),
      version({ ...base, status: 'canceled', canceled_at: at('2026-03-20'), ended_at: at('2026-04-15') }, '2026-04-15'),
    ]);
    expect(moves(m['2026-03'])).toEqual(none); // clicked in March, still paying
    expect(moves(m['2026-04'])).toEqual({ ...none, churn: -4000 }); // the period ends in April
    expect(m['2026-04']!.churnedCustomers).toBe(1);
  });

  it('a customer who churned and comes back is a reactivation, not new business', () => {
    const m = months(leftAndCameBack('2026-01-03', '2026-02-10', '2026-04-08', 2500));
    expect(moves(m['2026-02'])).toEqual({ ...none, churn: -2000 });
    expect(moves(m['2026-04'])).toEqual({ ...none, reactivation: 2500 });
    expect(m['2026-04']!.reactivatedCustomers).toBe(1);
    expect(m['2026-04']!.newCustomers).toBe(0);
  });

  it('a customer with two subscriptions cancelling one is contraction, not churn', () => {
    const b = subscription('sB', 'T', [[price(2000)]]);
    const m = months([
      version(subscription('sA', 'T', [[price(3000)]]), '2026-01-02'),
      version(b, '2026-01-02'),
      ended(b, '2026-03-05'),
    ]);
    expect(moves(m['2026-01'])).toEqual({ ...none, new: 5000 }); // 3000 + 2000, one customer
    expect(m['2026-01']!.newCustomers).toBe(1);
    expect(moves(m['2026-03'])).toEqual({ ...none, contraction: -2000 });
    expect(m['2026-03']!.churnedCustomers).toBe(0);
  });

  it('a repeating discount that ends is expansion in the month it ends', () => {
    // $60 at 50% off for 2 months from 1 Jan: 3000 in January and February, 6000 from 1 March
    const m = months([version(subscription('s1', 'A', [[price(6000)]], { discount: discount(coupon({ percentOff: 50 }, 'repeating', 2), '2026-01-01', '2026-03-01') }), '2026-01-01')]);
    expect(moves(m['2026-01'])).toEqual({ ...none, new: 3000 });
    expect(moves(m['2026-02'])).toEqual(none);
    expect(moves(m['2026-03'])).toEqual({ ...none, expansion: 3000 });
  });

  it('a 100%-off subscription is no customer and no MRR', () => {
    const m = months([version(subscription('s1', 'A', [[price(5000)]], { discount: discount(coupon({ percentOff: 100 }), '2026-01-01') }), '2026-01-01')]);
    expect(m['2026-06']!.mrr).toBe(0);
    expect(m['2026-06']!.customers).toBe(0);
  });

  it('history before the window tells a reactivation from a new customer', () => {
    const m = months(leftAndCameBack('2024-05-01', '2024-09-01', '2026-05-02', 2000));
    expect(moves(m['2026-05'])).toEqual({ ...none, reactivation: 2000 });
  });

  it('the running month is read at asOf', () => {
    const m = months([
      version(subscription('s1', 'A', [[price(5000)]]), '2026-06-10'),
      version(subscription('s2', 'B', [[price(7000)]]), '2026-06-20'), // after asOf (15 June): not yet
    ]);
    expect(moves(m['2026-06'])).toEqual({ ...none, new: 5000 });
  });
});
