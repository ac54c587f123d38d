import type { StripeSubscription } from './metrics';
import { listData, ref, type StripeJson } from './sync/json';

/**
 * A subscription state cut down to the fields the revenue metrics read (metrics/model.ts:
 * StripeSubscription), written beside each version as `revenue_data` and read back by
 * revenue.metrics, which reads every version of every subscription: a Stripe subscription is a
 * few KB of JSON, this a positional array of ~100 bytes that parses into no more objects than the
 * metrics need. Migration 0031 back-fills the same array in SQL; keep the two in step.
 *
 * [status, customer, trial_start, trial_end, canceled_at, cancel_at, cancel_at_period_end,
 *  ended_at, items, discount, discounts, id], items being
 * [[unit_amount, currency, interval, interval_count, usage_type, quantity], …] (interval null
 * for a one-time price). Discounts stay whole: few, and their coupon moved between API versions.
 */
type Item = [number | null, string | null, string | null, number | null, string | null, number | null];
type Fields = [string | null, string | null, number | null, number | null, number | null, number | null, boolean | null, number | null, Item[], unknown, unknown, string | null];

const field = <T>(o: StripeJson, key: string): T | null => (o[key] ?? null) as T | null;

export function revenueFields(sub: StripeJson): string {
  const items = listData(sub, 'items').map((item): Item => {
    const price = item.price && typeof item.price === 'object' ? (item.price as StripeJson) : {};
    const recurring = price.recurring && typeof price.recurring === 'object' ? (price.recurring as StripeJson) : undefined;
    return [field(price, 'unit_amount'), field(price, 'currency'), recurring ? field(recurring, 'interval') : null, recurring ? field(recurring, 'interval_count') : null, recurring ? field(recurring, 'usage_type') : null, field(item, 'quantity')];
  });
  const fields: Fields = [
    field(sub, 'status'), ref(sub, 'customer'), field(sub, 'trial_start'), field(sub, 'trial_end'), field(sub, 'canceled_at'), field(sub, 'cancel_at'),
    field(sub, 'cancel_at_period_end'), field(sub, 'ended_at'), items, field(sub, 'discount'), field(sub, 'discounts'), field(sub, 'id'),
  ];
  return JSON.stringify(fields);
}

/** `revenue_data` back into the subscription the metrics read. */
export function subscriptionOfFields(json: string): StripeSubscription {
  const [status, customer, trial_start, trial_end, canceled_at, cancel_at, cancel_at_period_end, ended_at, items, discount, discounts, id] = JSON.parse(json) as Fields;
  return {
    id: id ?? '',
    // null where Stripe sent none, as `data` would give it (the metrics name such a subscription's customer themselves)
    customer: customer as string,
    status: status as StripeSubscription['status'],
    items: {
      data: items.map(([unit_amount, currency, interval, interval_count, usage_type, quantity]) => ({
        price: { unit_amount, currency: currency!, recurring: interval === null ? null : { interval: interval as 'month', interval_count: interval_count!, ...(usage_type !== null ? { usage_type: usage_type as 'licensed' } : {}) } },
        quantity,
      })),
    },
    discount: discount as StripeSubscription['discount'],
    discounts: discounts as StripeSubscription['discounts'],
    trial_start, trial_end, canceled_at, cancel_at, cancel_at_period_end: cancel_at_period_end ?? false, ended_at,
  };
}
