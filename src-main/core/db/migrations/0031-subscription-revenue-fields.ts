export const name = 'subscription-revenue-fields';

/**
 * stripe_subscription_versions.revenue_data: each version cut down to the fields the revenue
 * metrics read (core/revenue/sync/revenue-fields.ts writes it), so revenue.metrics parses a few
 * hundred bytes per version instead of the whole subscription. Back-filled from `data` with the
 * same fields (a field Stripe left out becomes null, which the metrics read alike).
 */
export const sql = /* sql */ `
ALTER TABLE stripe_subscription_versions ADD COLUMN revenue_data TEXT;
UPDATE stripe_subscription_versions SET revenue_data = json_object(
  'customer', CASE json_type(data, '$.customer') WHEN 'text' THEN data ->> '$.customer' WHEN 'object' THEN data ->> '$.customer.id' END,
  'id', data -> '$.id', 'status', data -> '$.status', 'discount', data -> '$.discount', 'discounts', data -> '$.discounts',
  'trial_start', data -> '$.trial_start', 'trial_end', data -> '$.trial_end', 'canceled_at', data -> '$.canceled_at',
  'cancel_at', data -> '$.cancel_at', 'cancel_at_period_end', data -> '$.cancel_at_period_end', 'ended_at', data -> '$.ended_at',
  'items', json_object('data', (SELECT json_group_array(json_object(
    'price', json_object('unit_amount', value -> '$.price.unit_amount', 'currency', value -> '$.price.currency', 'recurring', value -> '$.price.recurring'),
    'quantity', value -> '$.quantity')) FROM json_each(data, '$.items.data') WHERE json_type(value) = 'object'))
);
`;
