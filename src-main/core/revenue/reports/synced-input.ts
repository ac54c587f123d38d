import type { Db } from '../../db/open';
import type { RateTable, RevenueInput, StripeDiscount, StripeSubscription, SubscriptionVersion } from '../metrics';

const parse = <T>(rows: unknown[]): T[] => (rows as string[]).map((data) => JSON.parse(data) as T);

/**
 * What the metrics read, from the synced Stripe tables: each object's `data` as Stripe sent it,
 * subscription versions sorted by (subscription_id, valid_from). A discount the subscription
 * names only by id is taken from the synced discounts, so a coupon still counts.
 */
export function readRevenueInput(db: Db, rates: RateTable): RevenueInput {
  const discounts = new Map<string, StripeDiscount>();
  for (const d of parse<StripeDiscount & { id: string }>(db.prepare('SELECT data FROM stripe_discounts WHERE deleted = 0').pluck().all())) discounts.set(d.id, d);
  const versions = db
    .prepare('SELECT subscription_id, valid_from, data FROM stripe_subscription_versions ORDER BY subscription_id, valid_from')
    .all() as Array<{ subscription_id: string; valid_from: number; data: string }>;
  const subscriptionVersions: SubscriptionVersion[] = versions.map((v) => ({ subscription_id: v.subscription_id, valid_from: v.valid_from, data: withDiscounts(JSON.parse(v.data) as StripeSubscription, discounts) }));
  const all = (table: string) => db.prepare(`SELECT data FROM ${table} WHERE deleted = 0 ORDER BY created, id`).pluck().all();
  return {
    subscriptionVersions,
    invoices: parse(all('stripe_invoices')),
    charges: parse(all('stripe_charges')),
    refunds: parse(all('stripe_refunds')),
    balanceTransactions: parse(all('stripe_balance_transactions')),
    rates,
  };
}

function withDiscounts(sub: StripeSubscription, known: ReadonlyMap<string, StripeDiscount>): StripeSubscription {
  if (!sub.discounts?.some((d) => typeof d === 'string')) return sub;
  return { ...sub, discounts: sub.discounts.map((d) => (typeof d === 'string' ? (known.get(d) ?? d) : d)) };
}
