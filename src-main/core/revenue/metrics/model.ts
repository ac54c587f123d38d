/**
 * What the metrics read: the contract the Stripe sync fills.
 *
 * Every object is the JSON Stripe sent, untouched, so these types name only the fields the
 * metrics read, spelled as Stripe spells them (snake_case, amounts in integer minor units of
 * `currency`, times in epoch seconds). Extra fields are welcome and ignored. A field Stripe
 * may leave out is optional here too; where the Stripe API moved a field between versions,
 * both places are read (say so next to the field).
 */

/** ISO 4217 code as Stripe writes it (lowercase, "usd"); upper case is accepted too. */
export type CurrencyCode = string;

/** An amount in integer minor units (cents, yen, fils) of its currency. */
export interface Money {
  amount: number;
  currency: CurrencyCode;
}

export type StripeInterval = 'day' | 'week' | 'month' | 'year';

export interface StripePrice {
  id?: string;
  /** per unit, minor units; null for tiered or custom prices (counted as 0, see README) */
  unit_amount: number | null;
  currency: CurrencyCode;
  /** null for a one-time price */
  recurring: {
    interval: StripeInterval;
    interval_count: number;
    /** 'metered' items bill usage after the fact and are left out of MRR unless asked for */
    usage_type?: 'licensed' | 'metered';
  } | null;
}

export interface StripeSubscriptionItem {
  id?: string;
  price: StripePrice;
  /** absent on metered items */
  quantity?: number | null;
}

export interface StripeCoupon {
  id?: string;
  percent_off: number | null;
  /** minor units of the coupon's currency, taken off each invoice of the subscription */
  amount_off: number | null;
  currency?: CurrencyCode | null;
  duration: 'once' | 'repeating' | 'forever';
  duration_in_months: number | null;
}

export interface StripeDiscount {
  id?: string;
  /** API versions before 2025: the coupon sits on the discount */
  coupon?: StripeCoupon | null;
  /** API versions from 2025 on: the coupon sits under `source` */
  source?: { coupon?: StripeCoupon | string | null } | null;
  /** epoch seconds */
  start: number;
  /** epoch seconds; null for a forever coupon */
  end: number | null;
}

export type StripeSubscriptionStatus =
  | 'incomplete'
  | 'incomplete_expired'
  | 'trialing'
  | 'active'
  | 'past_due'
  | 'canceled'
  | 'unpaid'
  | 'paused';

export interface StripeSubscription {
  id: string;
  /** the customer id, or the customer object when expanded */
  customer: string | { id: string };
  status: StripeSubscriptionStatus;
  items: { data: StripeSubscriptionItem[] };
  /** the single discount (older API versions; still sent) */
  discount?: StripeDiscount | null;
  /** every discount, in the order Stripe applies them; the sync must store them expanded (an id alone is skipped) */
  discounts?: Array<StripeDiscount | string> | null;
  trial_start?: number | null;
  trial_end?: number | null;
  /** when the founder or customer asked to cancel; with cancel_at_period_end the MRR runs on until cancel_at */
  canceled_at?: number | null;
  /** when the subscription will end (set by cancel_at_period_end to the period's end) */
  cancel_at?: number | null;
  cancel_at_period_end?: boolean;
  /** when it ended */
  ended_at?: number | null;
}

/**
 * One distinct state of a subscription: valid from `valid_from` until the next version's
 * `valid_from` (or for ever, for the latest one).
 */
export interface SubscriptionVersion {
  subscription_id: string;
  /** epoch seconds */
  valid_from: number;
  data: StripeSubscription;
}

export interface StripeInvoiceLine {
  amount: number;
  price?: StripePrice | null;
  period?: { start: number; end: number };
}

export interface StripeInvoice {
  id: string;
  customer: string | { id: string } | null;
  currency: CurrencyCode;
  status: 'draft' | 'open' | 'paid' | 'uncollectible' | 'void';
  amount_paid: number;
  created: number;
  /** API versions before 2025 */
  subscription?: string | { id: string } | null;
  /** API versions from 2025 on */
  parent?: { subscription_details?: { subscription?: string | { id: string } | null } | null } | null;
  status_transitions?: { paid_at?: number | null } | null;
  lines?: { data: StripeInvoiceLine[] };
}

export interface StripeCharge {
  id: string;
  customer: string | { id: string } | null;
  amount: number;
  currency: CurrencyCode;
  created: number;
  status: 'succeeded' | 'pending' | 'failed';
  /** the invoice that made this charge; a charge with one is counted through its invoice */
  invoice?: string | { id: string } | null;
}

export interface StripeRefund {
  id: string;
  amount: number;
  currency: CurrencyCode;
  created: number;
  /** a refund without a status is taken as succeeded */
  status?: 'pending' | 'requires_action' | 'succeeded' | 'failed' | 'canceled' | null;
  charge?: string | { id: string } | null;
}

export interface StripeBalanceTransaction {
  id: string;
  /** gross, minor units of `currency` (the account's settlement currency) */
  amount: number;
  /** Stripe's fees on it */
  fee: number;
  /** amount − fee */
  net: number;
  currency: CurrencyCode;
  created: number;
  type: string;
}

/**
 * Rates the founder set (settings `revenue.currency` and `revenue.rates`): one unit of
 * currency X is worth `rates[X]` units of `base`. The base itself is worth 1.
 */
export interface RateTable {
  base: CurrencyCode;
  rates: Record<CurrencyCode, number>;
}

/** The id of a customer field, whether Stripe sent the id or the expanded object. */
export function idOf(ref: string | { id: string } | null | undefined): string | undefined {
  if (ref == null) return undefined;
  return typeof ref === 'string' ? ref : ref.id;
}
