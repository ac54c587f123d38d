import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, coupon, discount, price, revenueInput, subscription, version } from '../../../../tests/helpers/stripe-objects';
import { computeRevenueMetrics } from './compute';
import { Converter } from './currency';
import type { StripeSubscriptionStatus, SubscriptionVersion } from './model';
import { monthCloseAt, parseMonthKey } from './months';
import { subscriptionMrrAt } from './subscription-mrr';

const from = at('2025-01-01');
const asOf = at('2026-06-15T12:00:00Z');
const statuses: StripeSubscriptionStatus[] = ['active', 'active', 'active', 'past_due', 'trialing', 'canceled', 'unpaid'];

/** A random history: up to 12 customers, each subscription a few states with random prices, seats, intervals, statuses and discounts. */
const histories = fc.array(
  fc.record({
    customer: fc.integer({ min: 0, max: 11 }),
    states: fc.array(
      fc.record({
        offset: fc.integer({ min: 0, max: asOf - from }),
        amount: fc.integer({ min: 0, max: 50_000 }),
        quantity: fc.integer({ min: 1, max: 5 }),
        interval: fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'year' as const),
        status: fc.constantFrom(...statuses),
        percentOff: fc.option(fc.integer({ min: 1, max: 100 })),
        currency: fc.constantFrom('usd', 'eur'),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  }),
  { maxLength: 25 },
);

function toVersions(h: History): SubscriptionVersion[] {
  return h.flatMap((sub, i) =>
    sub.states.map((s) =>
      version(
        subscription(`sub_${i}`, `cus_${sub.customer}`, [[price(s.amount, s.interval, { currency: s.currency }), s.quantity]], {
          status: s.status,
          ...(s.percentOff ? { discount: discount(coupon({ percentOff: s.percentOff }), from + s.offset / 2) } : {}),
        }),
        from + s.offset,
      ),
    ),
  );
}

type History = typeof histories extends fc.Arbitrary<infer T> ? T : never;

const rates = { base: 'usd', rates: { eur: 1.17 } };

describe('revenue metrics, properties over random histories', () => {
  it('movements add up to the change in MRR, and each month starts where the last one closed', () => {
    fc.assert(
      fc.property(histories, (h) => {
        const r = computeRevenueMetrics(revenueInput({ subscriptionVersions: toVersions(h), rates }), { asOf, months: 18 });
        r.months.forEach((m, k) => {
          expect(m.new + m.expansion + m.reactivation + m.contraction + m.churn).toBe(m.mrrEnd - m.mrrStart);
          expect(m.net).toBe(m.mrrEnd - m.mrrStart);
          expect(m.customersEnd - m.customersStart).toBe(m.newCustomers + m.reactivatedCustomers - m.churnedCustomers);
          expect(m.new).toBeGreaterThanOrEqual(0);
          expect(m.contraction).toBeLessThanOrEqual(0);
          expect(m.churn).toBeLessThanOrEqual(0);
          if (k > 0) expect(m.mrrStart).toBe(r.months[k - 1]!.mrrEnd);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('MRR at each close equals the plain sum over each subscription’s state in force then', () => {
    const converter = new Converter(rates, 'usd');
    fc.assert(
      fc.property(histories, (h) => {
        const versions = toVersions(h);
        const r = computeRevenueMetrics(revenueInput({ subscriptionVersions: versions, rates }), { asOf, months: 18 });
        for (const m of r.months) {
          const t = monthCloseAt(parseMonthKey(m.month)!, asOf);
          // the slow way: for each subscription, the latest version with valid_from ≤ t
          const latest = new Map<string, SubscriptionVersion>();
          for (const v of versions) {
            const seen = latest.get(v.subscription_id);
            if (v.valid_from <= t && (!seen || v.valid_from >= seen.valid_from)) latest.set(v.subscription_id, v);
          }
          let sum = 0;
          for (const v of latest.values()) sum += converter.convert(subscriptionMrrAt(v.data, t), v.data.items.data[0]!.price.currency);
          expect(m.mrr).toBe(sum);
        }
      }),
      { numRuns: 100 },
    );
  });
});
