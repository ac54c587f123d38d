import type { StripeObject } from './server';

/** A one-item USD subscription billed monthly since `start` (epoch seconds), as Stripe sends it; `ended` with status `canceled` for a churned one. */
export function monthlySubscription(o: { id: string; customer: string; start: number; unitAmount: number; status: string; ended: number | null }): StripeObject {
  const price = { id: `price_m${o.unitAmount}`, object: 'price', active: true, currency: 'usd', unit_amount: o.unitAmount, product: 'prod_x', type: 'recurring', livemode: false, created: o.start, recurring: { interval: 'month', interval_count: 1, usage_type: 'licensed', meter: null } };
  return {
    id: o.id, object: 'subscription', customer: o.customer, status: o.status, created: o.start, start_date: o.start, livemode: false, currency: 'usd', metadata: {},
    items: { object: 'list', has_more: false, data: [{ id: `si_${o.id}`, object: 'subscription_item', quantity: 1, created: o.start, price }] },
    discounts: [], discount: null, trial_start: null, trial_end: null, cancel_at_period_end: false, cancel_at: null, canceled_at: o.ended, ended_at: o.ended,
  };
}
