export const name = 'revenue-prepared-states';

/**
 * stripe_subscription_versions.revenue_state: each version's state as the revenue metrics
 * evaluate it (monthly amount, currency, trial end, end, discount windows), worked out when the
 * version is stored (core/revenue/revenue-state.ts), and `customer`, the version's customer id,
 * so revenue.metrics reads a few numbers per version instead of preparing every version on every
 * call. Versions stored before this migration have neither: the reader works them out from
 * `revenue_data` and stores them on its first read (core/revenue/reports/synced-input.ts), the
 * definition living in one place.
 *
 * The index holds what that read needs in the order it needs it, so it walks the index alone
 * rather than visiting each row of the table through the primary key.
 */
export const sql = /* sql */ `
ALTER TABLE stripe_subscription_versions ADD COLUMN revenue_state TEXT;
ALTER TABLE stripe_subscription_versions ADD COLUMN customer TEXT;
CREATE INDEX stripe_subscription_versions_state ON stripe_subscription_versions (subscription_id, valid_from, customer, revenue_state);
`;
