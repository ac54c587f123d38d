export const name = 'stripe-sync';

/**
 * Stripe's objects kept offline. Every table keeps the object as Stripe sent it (`data`, JSON)
 * beside the columns queries filter on; money is integer minor units beside its currency.
 * `state_at` (epoch seconds) is when the stored state was true: the event's `created` for an
 * event, the moment it was fetched for a list page. An older state never overwrites a newer one.
 */
export const sql = /* sql */ `
CREATE TABLE stripe_customers (
  id TEXT PRIMARY KEY, livemode INTEGER NOT NULL, created INTEGER, state_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, email TEXT, name TEXT, currency TEXT, data TEXT NOT NULL
) STRICT;
CREATE INDEX stripe_customers_created ON stripe_customers (created);

CREATE TABLE stripe_products (
  id TEXT PRIMARY KEY, livemode INTEGER NOT NULL, created INTEGER, state_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, name TEXT, active INTEGER, data TEXT NOT NULL
) STRICT;

CREATE TABLE stripe_prices (
  id TEXT PRIMARY KEY, livemode INTEGER NOT NULL, created INTEGER, state_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, product TEXT, currency TEXT, unit_amount INTEGER, type TEXT,
  recurring_interval TEXT, recurring_interval_count INTEGER, usage_type TEXT, active INTEGER, data TEXT NOT NULL
) STRICT;
CREATE INDEX stripe_prices_product ON stripe_prices (product);

CREATE TABLE stripe_coupons (
  id TEXT PRIMARY KEY, livemode INTEGER NOT NULL, created INTEGER, state_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, percent_off REAL, amount_off INTEGER, currency TEXT, duration TEXT,
  duration_in_months INTEGER, data TEXT NOT NULL
) STRICT;

CREATE TABLE stripe_subscriptions (
  id TEXT PRIMARY KEY, livemode INTEGER NOT NULL, created INTEGER, state_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, customer TEXT, status TEXT, currency TEXT, start_date INTEGER,
  trial_start INTEGER, trial_end INTEGER, cancel_at_period_end INTEGER, cancel_at INTEGER,
  canceled_at INTEGER, ended_at INTEGER, data TEXT NOT NULL
) STRICT;
CREATE INDEX stripe_subscriptions_customer ON stripe_subscriptions (customer);
CREATE INDEX stripe_subscriptions_status ON stripe_subscriptions (status);

CREATE TABLE stripe_subscription_items (
  id TEXT PRIMARY KEY, subscription_id TEXT NOT NULL, price TEXT, quantity INTEGER, created INTEGER, data TEXT NOT NULL
) STRICT;
CREATE INDEX stripe_subscription_items_subscription ON stripe_subscription_items (subscription_id);

-- every distinct state of a subscription; valid_from in epoch seconds
CREATE TABLE stripe_subscription_versions (
  subscription_id TEXT NOT NULL, valid_from INTEGER NOT NULL, status TEXT, data TEXT NOT NULL,
  PRIMARY KEY (subscription_id, valid_from)
) STRICT;

CREATE TABLE stripe_discounts (
  id TEXT PRIMARY KEY, livemode INTEGER, customer TEXT, subscription TEXT, invoice TEXT, coupon TEXT,
  start INTEGER, "end" INTEGER, state_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0, data TEXT NOT NULL
) STRICT;
CREATE INDEX stripe_discounts_subscription ON stripe_discounts (subscription);
CREATE INDEX stripe_discounts_invoice ON stripe_discounts (invoice);

CREATE TABLE stripe_invoices (
  id TEXT PRIMARY KEY, livemode INTEGER NOT NULL, created INTEGER, state_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, customer TEXT, subscription TEXT, status TEXT, currency TEXT,
  total INTEGER, subtotal INTEGER, amount_due INTEGER, amount_paid INTEGER, amount_remaining INTEGER,
  period_start INTEGER, period_end INTEGER, paid_at INTEGER, data TEXT NOT NULL
) STRICT;
CREATE INDEX stripe_invoices_customer ON stripe_invoices (customer);
CREATE INDEX stripe_invoices_created ON stripe_invoices (created);

CREATE TABLE stripe_invoice_lines (
  id TEXT PRIMARY KEY, invoice_id TEXT NOT NULL, amount INTEGER, currency TEXT, subscription TEXT,
  price TEXT, quantity INTEGER, period_start INTEGER, period_end INTEGER, data TEXT NOT NULL
) STRICT;
CREATE INDEX stripe_invoice_lines_invoice ON stripe_invoice_lines (invoice_id);

CREATE TABLE stripe_charges (
  id TEXT PRIMARY KEY, livemode INTEGER NOT NULL, created INTEGER, state_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, customer TEXT, status TEXT, currency TEXT, amount INTEGER,
  amount_captured INTEGER, amount_refunded INTEGER, paid INTEGER, refunded INTEGER, payment_intent TEXT,
  balance_transaction TEXT, data TEXT NOT NULL
) STRICT;
CREATE INDEX stripe_charges_created ON stripe_charges (created);

CREATE TABLE stripe_refunds (
  id TEXT PRIMARY KEY, livemode INTEGER NOT NULL, created INTEGER, state_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, charge TEXT, status TEXT, currency TEXT, amount INTEGER, data TEXT NOT NULL
) STRICT;
CREATE INDEX stripe_refunds_created ON stripe_refunds (created);

CREATE TABLE stripe_balance_transactions (
  id TEXT PRIMARY KEY, livemode INTEGER NOT NULL, created INTEGER, state_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, type TEXT, source TEXT, currency TEXT, amount INTEGER, fee INTEGER,
  net INTEGER, available_on INTEGER, data TEXT NOT NULL
) STRICT;
CREATE INDEX stripe_balance_transactions_created ON stripe_balance_transactions (created);

CREATE TABLE stripe_payment_links (
  id TEXT PRIMARY KEY, livemode INTEGER NOT NULL, created INTEGER, state_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, active INTEGER, currency TEXT, url TEXT, data TEXT NOT NULL
) STRICT;

CREATE TABLE stripe_checkout_sessions (
  id TEXT PRIMARY KEY, livemode INTEGER NOT NULL, created INTEGER, state_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, customer TEXT, status TEXT, payment_status TEXT, mode TEXT,
  currency TEXT, amount_total INTEGER, payment_link TEXT, subscription TEXT, data TEXT NOT NULL
) STRICT;

-- events applied (by id): a webhook or an events page seen twice is applied once
CREATE TABLE stripe_events (
  id TEXT PRIMARY KEY, type TEXT NOT NULL, created INTEGER NOT NULL, livemode INTEGER NOT NULL,
  applied_at INTEGER NOT NULL, via TEXT NOT NULL CHECK (via IN ('sync', 'webhook'))
) STRICT;
CREATE INDEX stripe_events_created ON stripe_events (created);

-- where each list's pass stands, and the sync's own facts (last success, last error, newest event)
CREATE TABLE stripe_sync_state (
  key TEXT PRIMARY KEY, value TEXT NOT NULL
) STRICT;
`;
