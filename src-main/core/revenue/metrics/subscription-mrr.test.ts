import { describe, expect, it } from 'vitest';
import { at, coupon, discount, price, subscription } from '../../../../tests/helpers/stripe-objects';
import { subscriptionMrrAt } from './subscription-mrr';

const now = at('2026-06-15');

describe('MRR of a subscription state', () => {
  it('normalises every interval to one month', () => {
    // $49 a month → 4900
    expect(subscriptionMrrAt(subscription('s', 'c', [[price(4900, 'month')]]), now)).toBe(4900);
    // $1,200 a year → 120000 / 12 = 10000
    expect(subscriptionMrrAt(subscription('s', 'c', [[price(120000, 'year')]]), now)).toBe(10000);
    // $10 a week → 1000 × 52 / 12 = 4333.33 → 4333
    expect(subscriptionMrrAt(subscription('s', 'c', [[price(1000, 'week')]]), now)).toBe(4333);
    // $90 every 3 months → 9000 / 3 = 3000
    expect(subscriptionMrrAt(subscription('s', 'c', [[price(9000, 'month', { intervalCount: 3 })]]), now)).toBe(3000);
    // $3,000 every 2 years → 300000 / 24 = 12500
    expect(subscriptionMrrAt(subscription('s', 'c', [[price(300000, 'year', { intervalCount: 2 })]]), now)).toBe(12500);
    // $1 a day → 100 × 365 / 12 = 3041.67 → 3042
    expect(subscriptionMrrAt(subscription('s', 'c', [[price(100, 'day')]]), now)).toBe(3042);
  });

  it('multiplies by quantity and adds the items', () => {
    // 5 seats × $12 + a $30 add-on = 6000 + 3000 = 9000
    expect(subscriptionMrrAt(subscription('s', 'c', [[price(1200), 5], [price(3000), 1]]), now)).toBe(9000);
    // no quantity sent counts as 1
    expect(subscriptionMrrAt(subscription('s', 'c', [[price(1200)]]), now)).toBe(1200);
  });

  it('leaves metered items out unless asked, and one-time prices always', () => {
    const sub = subscription('s', 'c', [[price(5000)], [price(10, 'month', { metered: true })], [{ unit_amount: 9900, currency: 'usd', recurring: null }]]);
    // 5000 licensed; the metered 10 and the one-time 9900 are not MRR
    expect(subscriptionMrrAt(sub, now)).toBe(5000);
    // with includeMetered: 5000 + 10 × 1 = 5010
    expect(subscriptionMrrAt(sub, now, { includeMetered: true })).toBe(5010);
  });

  it('applies a percent-off discount while it runs', () => {
    const sub = subscription('s', 'c', [[price(10000)]], { discount: discount(coupon({ percentOff: 25 }), '2026-01-01') });
    // 10000 × (1 − 0.25) = 7500
    expect(subscriptionMrrAt(sub, now)).toBe(7500);
    // before the discount starts: full price
    expect(subscriptionMrrAt(sub, at('2025-12-31'))).toBe(10000);
  });

  it('spreads an amount-off coupon over the billing period', () => {
    const monthly = subscription('s', 'c', [[price(10000)]], { discount: discount(coupon({ amountOff: 2000 }), '2026-01-01') });
    // 10000 − 2000 = 8000
    expect(subscriptionMrrAt(monthly, now)).toBe(8000);
    const yearly = subscription('s', 'c', [[price(120000, 'year')]], { discount: discount(coupon({ amountOff: 12000 }), '2026-01-01') });
    // (120000 − 12000) / 12 = 9000
    expect(subscriptionMrrAt(yearly, now)).toBe(9000);
    const tooBig = subscription('s', 'c', [[price(1000)]], { discount: discount(coupon({ amountOff: 5000 }), '2026-01-01') });
    // 1000 − 5000 is floored at 0
    expect(subscriptionMrrAt(tooBig, now)).toBe(0);
  });

  it('stops a repeating discount at its end, by `end` or by duration_in_months', () => {
    // 3 months of 50% from 2026-01-10: Stripe's end is 2026-04-10
    const withEnd = subscription('s', 'c', [[price(8000)]], { discount: discount(coupon({ percentOff: 50 }, 'repeating', 3), '2026-01-10', '2026-04-10') });
    expect(subscriptionMrrAt(withEnd, at('2026-04-09'))).toBe(4000); // 8000 × 0.5
    expect(subscriptionMrrAt(withEnd, at('2026-04-10'))).toBe(8000); // ended: full price
    const withoutEnd = subscription('s', 'c', [[price(8000)]], { discount: discount(coupon({ percentOff: 50 }, 'repeating', 3), '2026-01-10') });
    expect(subscriptionMrrAt(withoutEnd, at('2026-04-09'))).toBe(4000);
    expect(subscriptionMrrAt(withoutEnd, at('2026-04-10'))).toBe(8000);
  });

  it('ignores a once coupon (a one-off price cut, not recurring)', () => {
    const sub = subscription('s', 'c', [[price(8000)]], { discount: discount(coupon({ percentOff: 50 }, 'once'), '2026-06-01') });
    expect(subscriptionMrrAt(sub, now)).toBe(8000);
  });

  it('gives 0 for a 100%-off coupon', () => {
    const sub = subscription('s', 'c', [[price(8000)]], { discount: discount(coupon({ percentOff: 100 }), '2026-01-01') });
    expect(subscriptionMrrAt(sub, now)).toBe(0);
  });

  it('applies several discounts in order, from `discounts`, including the 2025 source.coupon shape', () => {
    const d1 = discount(coupon({ percentOff: 10 }), '2026-01-01');
    const d2 = { start: at('2026-01-01'), end: null, source: { coupon: coupon({ amountOff: 1000 }) } };
    const sub = subscription('s', 'c', [[price(10000)]], { discounts: [d1, d2, 'di_unexpanded'] });
    // 10000 − 10% = 9000, then − 1000 = 8000; the bare id is skipped
    expect(subscriptionMrrAt(sub, now)).toBe(8000);
  });

  it('counts nothing while trialing or before the trial ends', () => {
    const trialing = subscription('s', 'c', [[price(5000)]], { status: 'trialing', trial_start: at('2026-06-01'), trial_end: at('2026-06-15') });
    expect(subscriptionMrrAt(trialing, at('2026-06-10'))).toBe(0);
    const activeInTrial = subscription('s', 'c', [[price(5000)]], { trial_end: at('2026-06-20') });
    expect(subscriptionMrrAt(activeInTrial, at('2026-06-19'))).toBe(0);
    expect(subscriptionMrrAt(activeInTrial, at('2026-06-20'))).toBe(5000);
  });

  it('counts active and past_due only', () => {
    for (const status of ['incomplete', 'incomplete_expired', 'canceled', 'unpaid', 'paused'] as const) {
      expect(subscriptionMrrAt(subscription('s', 'c', [[price(5000)]], { status }), now), status).toBe(0);
    }
    expect(subscriptionMrrAt(subscription('s', 'c', [[price(5000)]], { status: 'past_due' }), now)).toBe(5000);
  });

  it('keeps counting after cancel_at_period_end until the period ends', () => {
    // clicked cancel on 06-10 (canceled_at), the paid period ends 07-01 (cancel_at)
    const sub = subscription('s', 'c', [[price(5000)]], { cancel_at_period_end: true, canceled_at: at('2026-06-10'), cancel_at: at('2026-07-01') });
    expect(subscriptionMrrAt(sub, at('2026-06-30T23:59:59Z'))).toBe(5000);
    expect(subscriptionMrrAt(sub, at('2026-07-01'))).toBe(0);
    // ended_at wins when it is earlier
    expect(subscriptionMrrAt({ ...sub, ended_at: at('2026-06-20') }, at('2026-06-25'))).toBe(0);
  });

  it('counts a price without unit_amount (tiered) as 0', () => {
    expect(subscriptionMrrAt(subscription('s', 'c', [[price(null)]]), now)).toBe(0);
  });
});
