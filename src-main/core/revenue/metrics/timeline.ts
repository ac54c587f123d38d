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
 * Timelines whose states were prepared before the call (the sync stores each version's prepared
 * state: core/revenue/revenue-state.ts), for the `includeMetered` they were prepared with.
 */
export interface PreparedTimelines {
  includeMetered: boolean;
  timelines: SubscriptionTimeline[];
}

/**
 * Timelines from prepared states handed in order: each subscription's states together, by
 * ascending valid_from. The customer is the latest state's, as Stripe never moves a
 * subscription but an old state may lack it.
 */
export class TimelineBuilder {
  private readonly timelines: SubscriptionTimeline[] = [];
  private current: SubscriptionTimeline | undefined;
  private customer: string | undefined;

  add(subscriptionId: string, validFrom: number, customerId: string | undefined, state: PreparedState): void {
    if (this.current?.subscriptionId !== subscriptionId) {
      this.close();
      this.current = { subscriptionId, customerId: '', from: [], states: [] };
    }
    this.current.from.push(validFrom);
    this.current.states.push(state);
    this.customer = customerId;
  }

  finish(): SubscriptionTimeline[] {
    this.close();
    return this.timelines;
  }

  private close(): void {
    const tl = this.current;
    if (!tl) return;
    tl.customerId = this.customer ?? `(no customer: ${tl.subscriptionId})`;
    this.timelines.push(tl);
    this.current = undefined;
  }
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
  const builder = new TimelineBuilder();
  for (const list of bySub.values()) {
    if (!isSorted(list)) list.sort((a, b) => a.valid_from - b.valid_from);
    for (const v of list) builder.add(v.subscription_id, v.valid_from, idOf(v.data.customer), prepareState(v.data, options));
  }
  return builder.finish();
}

function isSorted(list: readonly SubscriptionVersion[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i]!.valid_from < list[i - 1]!.valid_from) return false;
  return true;
}
