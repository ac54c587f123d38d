import { idOf, type SubscriptionVersion } from './model';
import { prepareState, preparedMrrAt, type MrrOptions, type PreparedState } from './subscription-mrr';

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

/** The state in force at `t`: the last one whose valid_from ≤ t; undefined before the first. */
export function stateAt(timeline: SubscriptionTimeline, t: number): PreparedState | undefined {
  const { from } = timeline;
  let lo = 0;
  let hi = from.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (from[mid]! <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? undefined : timeline.states[found];
}

/**
 * MRR of one subscription at each of `instants` (ascending), whole minor units of the state's
 * currency, written into `out` with `write(i, mrr, state)`. One forward walk over its states.
 */
export function sweepTimeline(timeline: SubscriptionTimeline, instants: readonly number[], write: (i: number, mrr: number, state: PreparedState) => void): void {
  const { from, states } = timeline;
  let k = -1;
  for (let i = 0; i < instants.length; i++) {
    const t = instants[i]!;
    while (k + 1 < from.length && from[k + 1]! <= t) k++;
    if (k < 0) continue;
    const state = states[k]!;
    const mrr = preparedMrrAt(state, t);
    if (mrr !== 0) write(i, mrr, state);
  }
}
