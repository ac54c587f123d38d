import type { Db } from '../../db/open';
import type { RateTable, RevenueInput, StripeDiscount, StripeSubscription, SubscriptionVersion } from '../metrics';

const parse = <T>(rows: unknown[]): T[] => (rows as string[]).map((data) => JSON.parse(data) as T);

/**
 * What the metrics read, from the synced Stripe tables: each object's `data` as Stripe sent it,
 * subscription versions sorted by (subscription_id, valid_from). A discount the subscription
 * names only by id is taken from the synced discounts, so a coupon still counts.
 */
export function readRevenueInput(db: Db, rates: RateTable): RevenueInput {
  const all = (table: string) => db.prepare(`SELECT data FROM ${table} WHERE deleted = 0 ORDER BY created, id`).pluck().all();
  return {
    subscriptionVersions: readSubscriptionVersions(db),
    invoices: parse(all('stripe_invoices')),
    charges: parse(all('stripe_charges')),
    refunds: parse(all('stripe_refunds')),
    balanceTransactions: parse(all('stripe_balance_transactions')),
    rates,
  };
}

/** Every version of every subscription (or only those of `customers`), by (subscription_id, valid_from). */
export function readSubscriptionVersions(db: Db, customers?: readonly string[]): SubscriptionVersion[] {
  const discounts = new Map<string, StripeDiscount>();
  for (const d of parse<StripeDiscount & { id: string }>(db.prepare('SELECT data FROM stripe_discounts WHERE deleted = 0').pluck().all())) discounts.set(d.id, d);
  const only = customers ? `WHERE v.subscription_id IN (SELECT id FROM stripe_subscriptions WHERE customer IN (SELECT value FROM json_each(?)))` : '';
  const versions = db
    .prepare(`SELECT v.subscription_id, v.valid_from, v.data FROM stripe_subscription_versions v ${only} ORDER BY v.subscription_id, v.valid_from`)
    .all(...(customers ? [JSON.stringify(customers)] : [])) as Array<{ subscription_id: string; valid_from: number; data: string }>;
  return versions.map((v) => ({ subscription_id: v.subscription_id, valid_from: v.valid_from, data: withDiscounts(JSON.parse(v.data) as StripeSubscription, discounts) }));
}

function withDiscounts(sub: StripeSubscription, known: ReadonlyMap<string, StripeDiscount>): StripeSubscription {
  if (!sub.discounts?.some((d) => typeof d === 'string')) return sub;
  return { ...sub, discounts: sub.discounts.map((d) => (typeof d === 'string' ? (known.get(d) ?? d) : d)) };
}
