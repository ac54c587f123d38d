import { listData, ref, type StripeJson } from './json';

const kept = ['id', 'status', 'discount', 'discounts', 'trial_start', 'trial_end', 'canceled_at', 'cancel_at', 'cancel_at_period_end', 'ended_at'] as const;

/**
 * A subscription state cut down to the fields the revenue metrics read (metrics/model.ts:
 * StripeSubscription), stored beside each version as `revenue_data`: a Stripe subscription is
 * a few KB of JSON and revenue.metrics parses every version of every subscription, so it reads
 * this instead. Discounts are kept whole (few, and their coupon's shape moved between API versions).
 */
export function revenueFields(sub: StripeJson): StripeJson {
  const out: StripeJson = { customer: ref(sub, 'customer') };
  for (const key of kept) if (sub[key] !== undefined) out[key] = sub[key];
  out.items = {
    data: listData(sub, 'items').map((item) => {
      const price = item.price && typeof item.price === 'object' ? (item.price as StripeJson) : {};
      return { price: { unit_amount: price.unit_amount ?? null, currency: price.currency, recurring: price.recurring ?? null }, quantity: item.quantity ?? null };
    }),
  };
  return out;
}
