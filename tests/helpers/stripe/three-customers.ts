import type { FakeStripe, StripeObject } from './server';

const day = 86_400;

const price = (id: string, amount: number, interval: 'month' | 'year', currency = 'usd') => ({
  id, object: 'price', active: true, currency, unit_amount: amount, product: 'prod_x', type: 'recurring', livemode: false, created: Date.UTC(2025, 0, 1) / 1000,
  recurring: { interval, interval_count: 1, usage_type: 'licensed', meter: null },
});
const customer = (id: string, email: string, created: number): StripeObject => ({ id, object: 'customer', email, name: email.split('@')[0], created, livemode: false, currency: 'usd', metadata: {} });
const subscription = (id: string, cus: string, created: number, items: Array<[ReturnType<typeof price>, number]>): StripeObject => ({
  id, object: 'subscription', customer: cus, status: 'active', created, start_date: created, livemode: false, currency: items[0]![0].currency, metadata: {},
  items: { object: 'list', has_more: false, data: items.map(([p, quantity], i) => ({ id: `si_${id}_${i}`, object: 'subscription_item', price: p, quantity, created })) },
  discounts: [], discount: null, trial_start: null, trial_end: null, cancel_at_period_end: false, cancel_at: null, canceled_at: null, ended_at: null,
});

/** "Now" for the book below: 15 Nov 2026, so this month is 2026-11. */
export const threeCustomersNow = Date.UTC(2026, 10, 15) / 1000;

/**
 * A small book of business whose figures are worked out by hand (with `{"eur": 1.2}`):
 * cus_a 2 seats of $19 a month since August (3800), cus_b $1,200 a year since October (10000 a
 * month), cus_c €50 a month since November (6000). MRR 19800 in November, 13800 in October.
 */
export function putThreeCustomers(stripe: FakeStripe): void {
  const now = threeCustomersNow;
  stripe.put(
    customer('cus_a', 'ada@example.com', now - 100 * day),
    customer('cus_b', 'bo@example.com', now - 40 * day),
    customer('cus_c', 'cy@example.com', now - 10 * day),
    subscription('sub_a', 'cus_a', Date.UTC(2026, 7, 3) / 1000, [[price('price_m19', 1900, 'month'), 2]]),
    subscription('sub_b', 'cus_b', Date.UTC(2026, 9, 6) / 1000, [[price('price_y1200', 120000, 'year'), 1]]),
    subscription('sub_c', 'cus_c', Date.UTC(2026, 10, 5) / 1000, [[price('price_m50eur', 5000, 'month', 'eur'), 1]]),
  );
}
