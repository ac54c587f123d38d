import { flag, num, obj, ref, str, type StripeJson } from './json';

type Columns = Record<string, string | number | null>;

/** One kind of Stripe object kept in its own table: the columns beside `data` that queries use. */
export interface ObjectKind {
  /** Stripe's `object` field. */
  object: string;
  table: string;
  columns(o: StripeJson): Columns;
}

/** API versions from 2025 on name it under `parent`; earlier ones as `subscription`. */
const subscriptionOf = (invoice: StripeJson) => str(obj(obj(invoice, 'parent'), 'subscription_details'), 'subscription') ?? ref(invoice, 'subscription');

/** Every kind kept, by Stripe's `object` name. Discounts, subscription items and invoice lines ride with their parents. */
export const objectKinds: Record<string, ObjectKind> = {
  customer: { object: 'customer', table: 'stripe_customers', columns: (o) => ({ email: str(o, 'email'), name: str(o, 'name'), currency: str(o, 'currency') }) },
  product: { object: 'product', table: 'stripe_products', columns: (o) => ({ name: str(o, 'name'), active: flag(o, 'active') }) },
  price: {
    object: 'price',
    table: 'stripe_prices',
    columns: (o) => ({
      product: ref(o, 'product'),
      currency: str(o, 'currency'),
      unit_amount: num(o, 'unit_amount'),
      type: str(o, 'type'),
      recurring_interval: str(obj(o, 'recurring'), 'interval'),
      recurring_interval_count: num(obj(o, 'recurring'), 'interval_count'),
      usage_type: str(obj(o, 'recurring'), 'usage_type'),
      active: flag(o, 'active'),
    }),
  },
  coupon: {
    object: 'coupon',
    table: 'stripe_coupons',
    columns: (o) => ({ percent_off: num(o, 'percent_off'), amount_off: num(o, 'amount_off'), currency: str(o, 'currency'), duration: str(o, 'duration'), duration_in_months: num(o, 'duration_in_months') }),
  },
  subscription: {
    object: 'subscription',
    table: 'stripe_subscriptions',
    columns: (o) => ({
      customer: ref(o, 'customer'),
      status: str(o, 'status'),
      currency: str(o, 'currency'),
      start_date: num(o, 'start_date'),
      trial_start: num(o, 'trial_start'),
      trial_end: num(o, 'trial_end'),
      cancel_at_period_end: flag(o, 'cancel_at_period_end'),
      cancel_at: num(o, 'cancel_at'),
      canceled_at: num(o, 'canceled_at'),
      ended_at: num(o, 'ended_at'),
    }),
  },
  invoice: {
    object: 'invoice',
    table: 'stripe_invoices',
    columns: (o) => ({
      customer: ref(o, 'customer'),
      subscription: subscriptionOf(o),
      status: str(o, 'status'),
      currency: str(o, 'currency'),
      total: num(o, 'total'),
      subtotal: num(o, 'subtotal'),
      amount_due: num(o, 'amount_due'),
      amount_paid: num(o, 'amount_paid'),
      amount_remaining: num(o, 'amount_remaining'),
      period_start: num(o, 'period_start'),
      period_end: num(o, 'period_end'),
      paid_at: num(obj(o, 'status_transitions'), 'paid_at'),
    }),
  },
  charge: {
    object: 'charge',
    table: 'stripe_charges',
    columns: (o) => ({
      customer: ref(o, 'customer'),
      status: str(o, 'status'),
      currency: str(o, 'currency'),
      amount: num(o, 'amount'),
      amount_captured: num(o, 'amount_captured'),
      amount_refunded: num(o, 'amount_refunded'),
      paid: flag(o, 'paid'),
      refunded: flag(o, 'refunded'),
      payment_intent: ref(o, 'payment_intent'),
      balance_transaction: ref(o, 'balance_transaction'),
      invoice: ref(o, 'invoice'),
    }),
  },
  refund: { object: 'refund', table: 'stripe_refunds', columns: (o) => ({ charge: ref(o, 'charge'), status: str(o, 'status'), currency: str(o, 'currency'), amount: num(o, 'amount') }) },
  balance_transaction: {
    object: 'balance_transaction',
    table: 'stripe_balance_transactions',
    columns: (o) => ({ type: str(o, 'type'), source: ref(o, 'source'), currency: str(o, 'currency'), amount: num(o, 'amount'), fee: num(o, 'fee'), net: num(o, 'net'), available_on: num(o, 'available_on') }),
  },
  payment_link: { object: 'payment_link', table: 'stripe_payment_links', columns: (o) => ({ active: flag(o, 'active'), currency: str(o, 'currency'), url: str(o, 'url') }) },
  'checkout.session': {
    object: 'checkout.session',
    table: 'stripe_checkout_sessions',
    columns: (o) => ({
      customer: ref(o, 'customer'),
      status: str(o, 'status'),
      payment_status: str(o, 'payment_status'),
      mode: str(o, 'mode'),
      currency: str(o, 'currency'),
      amount_total: num(o, 'amount_total'),
      payment_link: ref(o, 'payment_link'),
      subscription: ref(o, 'subscription'),
    }),
  },
};
