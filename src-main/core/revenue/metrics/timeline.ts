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
  let currentId: string | undefined;
  let current: SubscriptionVersion[] = [];
  for (const v of versions) {
    // the sync hands a subscription's versions together: look the list up once per run, not per version
    if (v.subscription_id !== currentId) {
      currentId = v.subscription_id;
      let list = bySub.get(currentId);
      if (!list) bySub.set(currentId, (list = []));
      current = list;
    }
    current.push(v);
  }
  const timelines: SubscriptionTimeline[] = [];
  for (const [subscriptionId, list] of bySub) {
    if (!isSorted(list)) list.sort((a, b) => a.valid_from - b.valid_from);
    const from = new Array<number>(list.length);
    const states = new Array<PreparedState>(list.length);
    for (let i = 0; i < list.length; i++) {
      from[i] = list[i]!.valid_from;
      states[i] = prepareState(list[i]!.data, options);
    }
    timelines.push({ subscriptionId, customerId: idOf(list[list.length - 1]!.data.customer) ?? `(no customer: ${subscriptionId})`, from, states });
  }
  return timelines;
}

function isSorted(list: readonly SubscriptionVersion[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i]!.valid_from < list[i - 1]!.valid_from) return false;
  return true;
}
