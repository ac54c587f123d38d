import type { Db } from '../../db/open';
import { prepareState, TimelineBuilder, type PreparedState, type PreparedTimelines, type RateTable, type RevenueInput, type StripeDiscount, type StripeSubscription, type SubscriptionVersion } from '../metrics';
import { revenueFields, subscriptionOfFields } from '../revenue-fields';
import { statedColumns, storedState } from '../revenue-state';
import type { StripeJson } from '../sync/json';
import { currenciesInTables, readCashInput, type CashWindow } from './cash-input';

/**
 * What the metrics read, from the synced Stripe tables: every subscription's timeline of
 * prepared states (stored beside each version), and the cash rows of `window` (cash-input.ts).
 * Columns only, never an object's whole `data`: parsing every object's JSON was most of what
 * revenue.metrics cost.
 */
export function readRevenueInput(db: Db, rates: RateTable, window: CashWindow, includeMetered = false): RevenueInput {
  return {
    subscriptionVersions: [],
    preparedTimelines: readSubscriptionTimelines(db, { includeMetered }),
    ...readCashInput(db, window),
    rates,
    currenciesLeftOut: () => currenciesInTables(db),
  };
}

/** The versions of `customers`' subscriptions only, when given. */
function versionsOf(customers: readonly string[] | undefined): { where: string; params: string[] } {
  return customers
    ? { where: 'WHERE v.subscription_id IN (SELECT id FROM stripe_subscriptions WHERE customer IN (SELECT value FROM json_each(?)))', params: [JSON.stringify(customers)] }
    : { where: '', params: [] };
}

/**
 * Every subscription's timeline (or only those of `customers`), each state as stored in its
 * `revenue_state` (revenue-state.ts), read through the index migration 0035 made for it; a text
 * many versions share is prepared once. A version stored before that migration gets its state
 * and customer worked out here and stored (one transaction, after the read), so only the first
 * read pays for it. A state naming a discount by id only is prepared here from its
 * `revenue_data`, with that discount as synced by now.
 */
export function readSubscriptionTimelines(db: Db, options: { customers?: readonly string[]; includeMetered?: boolean } = {}): PreparedTimelines {
  const includeMetered = options.includeMetered ?? false;
  const { where, params } = versionsOf(options.customers);
  const rows = db
    .prepare(`SELECT v.subscription_id, v.valid_from, v.customer, v.revenue_state FROM stripe_subscription_versions v ${where} ORDER BY v.subscription_id, v.valid_from`)
    .raw()
    .all(...params) as Array<[string, number, string | null, string | null]>;
  const fields = db.prepare('SELECT revenue_data, data FROM stripe_subscription_versions WHERE subscription_id = ? AND valid_from = ?').raw();
  const fieldsOf = (subscriptionId: string, validFrom: number) => {
    const [revenueData, data] = fields.get(subscriptionId, validFrom) as [string | null, string];
    return revenueData ?? revenueFields(JSON.parse(data) as StripeJson);
  };
  const filled: Array<[string, string | null, string, number]> = [];
  const prepared = new Map<string, PreparedState | undefined>();
  let discounts: ReadonlyMap<string, StripeDiscount> | undefined;
  const builder = new TimelineBuilder(rows.length);
  for (const row of rows) {
    const [subscriptionId, validFrom] = row;
    let [, , customer, json] = row;
    if (json === null) {
      const columns = statedColumns(fieldsOf(subscriptionId, validFrom));
      filled.push([(json = columns.revenueState), (customer = columns.customer), subscriptionId, validFrom]);
    }
    let state = prepared.get(json);
    if (state === undefined && !prepared.has(json)) prepared.set(json, (state = storedState(json, includeMetered)));
    state ??= prepareState(withDiscounts(subscriptionOfFields(fieldsOf(subscriptionId, validFrom)), (discounts ??= knownDiscounts(db))), { includeMetered });
    builder.add(subscriptionId, validFrom, customer ?? undefined, state);
  }
  if (filled.length) {
    const fill = db.prepare('UPDATE stripe_subscription_versions SET revenue_state = ?, customer = ? WHERE subscription_id = ? AND valid_from = ?');
    db.transaction(() => filled.forEach((row) => fill.run(...row)))();
  }
  return { includeMetered, timelines: builder.finish() };
}

/**
 * Every version of every subscription (or only those of `customers`), by (subscription_id,
 * valid_from), as the subscription the metrics read. Each is read from its `revenue_data` (the
 * fields the metrics read, written beside it: revenue-fields.ts), or from its whole `data`
 * should a version lack it. A discount the subscription names only by id is taken from the
 * synced discounts, so a coupon still counts.
 */
export function readSubscriptionVersions(db: Db, customers?: readonly string[]): SubscriptionVersion[] {
  const { where, params } = versionsOf(customers);
  const rows = db
    .prepare(`SELECT v.subscription_id, v.valid_from, v.revenue_data FROM stripe_subscription_versions v ${where} ORDER BY v.subscription_id, v.valid_from`)
    .raw()
    .all(...params) as Array<[string, number, string | null]>;
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
