import type Database from 'better-sqlite3';
import type { Db } from '../../db/open';
import { listData, ref, str, type StripeJson } from './json';
import { revenueColumns } from '../revenue-state';

/**
 * What makes two states of a subscription different for revenue: status, items (price and
 * quantity), discounts, trial, cancellation and pause. A new invoice alone (latest_invoice) is
 * not a new state.
 */
export function subscriptionState(o: StripeJson): string {
  const discounts = (Array.isArray(o.discounts) ? o.discounts : []).map((d) => (typeof d === 'string' ? d : ((d as StripeJson)?.id ?? null)));
  const items = listData(o, 'items').map((i) => [ref(i, 'price'), i.quantity ?? null]);
  const fields = ['status', 'trial_start', 'trial_end', 'cancel_at_period_end', 'cancel_at', 'canceled_at', 'ended_at', 'pause_collection', 'currency'];
  return JSON.stringify([items, discounts, ...fields.map((f) => o[f] ?? null), ref(o, 'customer')]);
}

/**
 * stripe_subscription_versions: every distinct state of each subscription with the moment it
 * began (epoch seconds). A state equal to the one before it in time is not a new version.
 */
export class SubscriptionVersions {
  private readonly before: Database.Statement;
  private readonly insert: Database.Statement;

  constructor(db: Db) {
    this.before = db.prepare('SELECT data FROM stripe_subscription_versions WHERE subscription_id = ? AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1').pluck();
    this.insert = db.prepare('INSERT OR IGNORE INTO stripe_subscription_versions (subscription_id, valid_from, status, data, revenue_data, revenue_state, customer) VALUES (?, ?, ?, ?, ?, ?, ?)');
  }

  /** `text`: the subscription as Stripe sent it, when the caller has it, kept instead of serialising it again. */
  record(subscription: StripeJson, validFrom: number, text?: string | null): boolean {
    const id = str(subscription, 'id')!;
    const previous = this.before.get(id, validFrom) as string | undefined;
    if (previous !== undefined && subscriptionState(JSON.parse(previous) as StripeJson) === subscriptionState(subscription)) return false;
    const { revenueData, revenueState, customer } = revenueColumns(subscription);
    return this.insert.run(id, validFrom, str(subscription, 'status'), text ?? JSON.stringify(subscription), revenueData, revenueState, customer).changes > 0;
  }

  /** Whether any version of it is kept (a full pass dates the first one at its start). */
  has(id: string): boolean {
    return this.before.get(id, Number.MAX_SAFE_INTEGER) !== undefined;
  }
}
