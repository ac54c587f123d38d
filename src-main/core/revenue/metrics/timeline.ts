import { idOf, type SubscriptionVersion } from './model';
import { prepareState, type MrrOptions, type PreparedState } from './subscription-mrr';

/** One subscription's states in time order, each prepared once. */
export interface SubscriptionTimeline {
  subscriptionId: string;
  customerId: string;
  /** valid_from of each state, ascending */
  from: number[];
  states: PreparedState[];
}

/**
 * Groups versions by subscription (one pass; versions may come in any order, though the sync
 * hands them sorted by subscription and valid_from, which skips the sort) and prepares each
 * state once.
 */
export function indexTimelines(versions: readonly SubscriptionVersion[], options: MrrOptions = {}): SubscriptionTimeline[] {
  const bySub = new Map<string, SubscriptionVersion[]>();
  for (const v of versions) {
    const list = bySub.get(v.subscription_id);
    if (list) list.push(v);
    else bySub.set(v.subscription_id, [v]);
  }
  const timelines: SubscriptionTimeline[] = [];
  for (const [subscriptionId, list] of bySub) {
    if (!isSorted(list)) list.sort((a, b) => a.valid_from - b.valid_from);
    const last = list[list.length - 1]!;
    timelines.push({
      subscriptionId,
      customerId: idOf(last.data.customer) ?? `(no customer: ${subscriptionId})`,
      from: list.map((v) => v.valid_from),
      states: list.map((v) => prepareState(v.data, options)),
    });
  }
  return timelines;
}

function isSorted(list: readonly SubscriptionVersion[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i]!.valid_from < list[i - 1]!.valid_from) return false;
  return true;
}
