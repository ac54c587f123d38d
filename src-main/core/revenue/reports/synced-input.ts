import type { Db } from '../../db/open';
import type { RateTable, RevenueInput, StripeBalanceTransaction, StripeCharge, StripeDiscount, StripeInvoice, StripeRefund, StripeSubscription, SubscriptionVersion } from '../metrics';

const parse = <T>(rows: unknown[]): T[] => (rows as string[]).map((data) => JSON.parse(data) as T);

/**
 * The columns the metrics read (model.ts names them as Stripe does), never `data`: parsing every
 * object's JSON was most of what revenue.metrics cost. Of invoices and charges only the ones
 * that count (cash.ts): paid invoices no subscription bills, succeeded charges with no invoice.
 * In table order: the metrics take them in any order, and sorting by `created` through its
 * index visited every row out of order (most of the cost).
 */
const queries = {
  invoices: `SELECT id, customer, currency, status, amount_paid, created, paid_at FROM stripe_invoices
    WHERE deleted = 0 AND status = 'paid' AND subscription IS NULL`,
  charges: `SELECT id, customer, amount, currency, created, status FROM stripe_charges
    WHERE deleted = 0 AND status = 'succeeded' AND invoice IS NULL`,
  refunds: 'SELECT id, amount, currency, created, status, charge FROM stripe_refunds WHERE deleted = 0',
  balanceTransactions: 'SELECT id, amount, fee, net, currency, created, type FROM stripe_balance_transactions WHERE deleted = 0',
  leftOut: `SELECT DISTINCT currency FROM stripe_invoices WHERE deleted = 0 AND currency IS NOT NULL
    UNION SELECT DISTINCT currency FROM stripe_charges WHERE deleted = 0 AND currency IS NOT NULL`,
};

type InvoiceRow = Omit<StripeInvoice, 'status_transitions'> & { paid_at: number | null };

/**
 * What the metrics read, from the synced Stripe tables: the columns of the objects that count,
 * subscription versions sorted by (subscription_id, valid_from). A discount the subscription
 * names only by id is taken from the synced discounts, so a coupon still counts.
 */
export function readRevenueInput(db: Db, rates: RateTable): RevenueInput {
  const all = <T>(sql: string) => rowObjects<T>(db, sql);
  return {
    subscriptionVersions: readSubscriptionVersions(db),
    invoices: all<InvoiceRow>(queries.invoices).map(({ paid_at, ...inv }) => ({ ...inv, status_transitions: { paid_at } })),
    charges: all<StripeCharge>(queries.charges),
    refunds: all<StripeRefund>(queries.refunds),
    balanceTransactions: all<StripeBalanceTransaction>(queries.balanceTransactions),
    rates,
    currenciesLeftOut: () => db.prepare(queries.leftOut).pluck().all() as string[],
  };
}

/** Rows as objects keyed by column name, made from `.raw()` arrays: a third cheaper than better-sqlite3's own objects over 200k rows. */
function rowObjects<T>(db: Db, sql: string): T[] {
  const statement = db.prepare(sql).raw();
  const names = statement.columns().map((c) => c.name);
  return (statement.all() as unknown[][]).map((row) => {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) o[names[i]!] = row[i];
    return o as T;
  });
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
