import type { Db } from '../../db/open';
import type { RateTable, RevenueInput, StripeDiscount, StripeSubscription, SubscriptionVersion } from '../metrics';
import { revenueFields, subscriptionOfFields } from '../revenue-fields';
import type { StripeJson } from '../sync/json';
import { currenciesInTables, readCashInput, type CashWindow } from './cash-input';

/**
 * What the metrics read, from the synced Stripe tables: subscription versions sorted by
 * (subscription_id, valid_from), and the cash rows of `window` (cash-input.ts). Columns
 * only, never an object's whole `data`: parsing every object's JSON was most of what
 * revenue.metrics cost.
 */
export function readRevenueInput(db: Db, rates: RateTable, window: CashWindow): RevenueInput {
  return {
    subscriptionVersions: readSubscriptionVersions(db),
    ...readCashInput(db, window),
    rates,
    currenciesLeftOut: () => currenciesInTables(db),
  };
}

/**
 * Every version of every subscription (or only those of `customers`), by (subscription_id,
 * valid_from). Each is read from its `revenue_data` (the fields the metrics read, written beside
 * it: revenue-fields.ts), or from its whole `data` should a version lack it. A
 * discount the subscription names only by id is taken from the synced discounts, so a coupon
 * still counts.
 */
export function readSubscriptionVersions(db: Db, customers?: readonly string[]): SubscriptionVersion[] {
  const only = customers ? `WHERE v.subscription_id IN (SELECT id FROM stripe_subscriptions WHERE customer IN (SELECT value FROM json_each(?)))` : '';
  const rows = db
    .prepare(`SELECT v.subscription_id, v.valid_from, v.revenue_data FROM stripe_subscription_versions v ${only} ORDER BY v.subscription_id, v.valid_from`)
    .raw()
    .all(...(customers ? [JSON.stringify(customers)] : [])) as Array<[string, number, string | null]>;
  const whole = db.prepare('SELECT data FROM stripe_subscription_versions WHERE subscription_id = ? AND valid_from = ?').pluck();
  let discounts: ReadonlyMap<string, StripeDiscount> | undefined;
  return rows.map(([subscription_id, valid_from, fields]) => {
    let data = subscriptionOfFields(fields ?? revenueFields(JSON.parse(whole.get(subscription_id, valid_from) as string) as StripeJson));
    if (data.discounts?.some((d) => typeof d === 'string')) data = withDiscounts(data, (discounts ??= knownDiscounts(db)));
    return { subscription_id, valid_from, data };
  });
}

function knownDiscounts(db: Db): Map<string, StripeDiscount> {
  const known = new Map<string, StripeDiscount>();
  for (const json of db.prepare('SELECT data FROM stripe_discounts WHERE deleted = 0').pluck().all() as string[]) {
    const d = JSON.parse(json) as StripeDiscount & { id: string };
    known.set(d.id, d);
  }
  return known;
}

function withDiscounts(sub: StripeSubscription, known: ReadonlyMap<string, StripeDiscount>): StripeSubscription {
  return { ...sub, discounts: sub.discounts!.map((d) => (typeof d === 'string' ? (known.get(d) ?? d) : d)) };
}
