export const name = 'revenue-metrics-reads';

/**
 * revenue.metrics reads the cash of the months shown through indexes in time order that hold
 * what it sums (core/revenue/reports/cash-input.ts), never the tables' rows: balance
 * transactions' `created` index becomes one that also holds currency, type and amounts (still
 * one B-tree per row written), and only the invoices and charges that count get an index.
 *
 * stripe_subscription_versions.revenue_data: each version cut down to the fields the revenue
 * metrics read, as the positional array core/revenue/revenue-fields.ts writes (keep the two in
 * step), so revenue.metrics parses ~100 bytes per version instead of the whole subscription.
 * Back-filled from `data` (a field Stripe left out becomes null, which the metrics read alike).
 */
export const sql = /* sql */ `
DROP INDEX stripe_balance_transactions_created;
CREATE INDEX stripe_balance_transactions_cash ON stripe_balance_transactions (created, currency, deleted, type, amount, fee, net);
CREATE INDEX stripe_invoices_one_off_paid ON stripe_invoices (coalesce(paid_at, created), currency, amount_paid)
  WHERE deleted = 0 AND status = 'paid' AND subscription IS NULL;
CREATE INDEX stripe_charges_without_invoice ON stripe_charges (created, currency, amount)
  WHERE deleted = 0 AND status = 'succeeded' AND invoice IS NULL;

ALTER TABLE stripe_subscription_versions ADD COLUMN revenue_data TEXT;
UPDATE stripe_subscription_versions SET revenue_data = json_array(
  data ->> '$.status',
  CASE json_type(data, '$.customer') WHEN 'text' THEN data ->> '$.customer' WHEN 'object' THEN data ->> '$.customer.id' END,
  data -> '$.trial_start', data -> '$.trial_end', data -> '$.canceled_at', data -> '$.cancel_at', data -> '$.cancel_at_period_end', data -> '$.ended_at',
  json((SELECT json_group_array(json_array(
    value -> '$.price.unit_amount', value ->> '$.price.currency', value ->> '$.price.recurring.interval',
    value -> '$.price.recurring.interval_count', value ->> '$.price.recurring.usage_type', value -> '$.quantity'))
    FROM json_each(data, '$.items.data') WHERE json_type(value) = 'object')),
  data -> '$.discount', data -> '$.discounts', data ->> '$.id'
);
`;
