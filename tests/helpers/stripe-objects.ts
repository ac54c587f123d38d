import type {
  RevenueInput,
  StripeCoupon,
  StripeDiscount,
  StripeInterval,
  StripePrice,
  StripeSubscription,
  SubscriptionVersion,
} from '../../src-main/core/revenue/metrics';

/**
 * Stripe objects as Stripe sends them, reduced to the fields the revenue metrics read, for
 * hand-computed test cases and the bench. Times are epoch seconds.
 */

/** '2026-03-15' or '2026-03-15T12:00:00Z' → epoch seconds (UTC). */
export function at(iso: string): number {
  return Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso) / 1000;
}

export function price(unitAmount: number | null, interval: StripeInterval = 'month', options: { currency?: string; intervalCount?: number; metered?: boolean; id?: string } = {}): StripePrice {
  return {
    ...(options.id ? { id: options.id } : {}),
    unit_amount: unitAmount,
    currency: options.currency ?? 'usd',
    recurring: { interval, interval_count: options.intervalCount ?? 1, usage_type: options.metered ? 'metered' : 'licensed' },
  };
}

/**
 * A subscription state: `items` as [price, quantity] pairs; active unless `extra` says
 * otherwise. Every field Stripe always sends is present (null when empty), in one order, as
 * in the JSON the sync stores.
 */
export function subscription(id: string, customer: string | { id: string }, items: Array<[StripePrice, number?]>, extra: Partial<StripeSubscription> = {}): StripeSubscription {
  return {
    id,
    customer,
    status: 'active',
    items: { data: items.map(([p, quantity], i) => ({ id: `${id}_si${i}`, price: p, quantity: quantity ?? null })) },
    discount: null,
    discounts: [],
    trial_start: null,
    trial_end: null,
    canceled_at: null,
    cancel_at: null,
    cancel_at_period_end: false,
    ended_at: null,
    ...extra,
  };
}

export function version(data: StripeSubscription, validFrom: string | number): SubscriptionVersion {
  return { subscription_id: data.id, valid_from: typeof validFrom === 'number' ? validFrom : at(validFrom), data };
}

/** The state Stripe records when a subscription ends at `when`: canceled, ended_at set. */
export function ended(data: StripeSubscription, when: string): SubscriptionVersion {
  return version({ ...data, status: 'canceled', ended_at: at(when) }, when);
}

export function coupon(kind: { percentOff: number } | { amountOff: number; currency?: string }, duration: StripeCoupon['duration'] = 'forever', months: number | null = null): StripeCoupon {
  return {
    percent_off: 'percentOff' in kind ? kind.percentOff : null,
    amount_off: 'amountOff' in kind ? kind.amountOff : null,
    currency: 'amountOff' in kind ? (kind.currency ?? 'usd') : null,
    duration,
    duration_in_months: months,
  };
}

export function discount(c: StripeCoupon, start: string | number, end: string | number | null = null): StripeDiscount {
  const s = (t: string | number) => (typeof t === 'number' ? t : at(t));
  return { coupon: c, start: s(start), end: end === null ? null : s(end) };
}

/** An input with nothing in it but what is given; rates in USD unless given. */
export function revenueInput(parts: Partial<RevenueInput> = {}): RevenueInput {
  return { subscriptionVersions: [], invoices: [], charges: [], refunds: [], balanceTransactions: [], rates: { base: 'usd', rates: {} }, ...parts };
}
