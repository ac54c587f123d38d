import { idOf, type SubscriptionVersion } from './model';
import { prepareState, type MrrOptions, type PreparedState } from './subscription-mrr';

/**
 * Every subscription's states in time order, each prepared once, in a few flat arrays rather
 * than an object per subscription: the metrics walk them once and keep nothing of them, and
 * a quarter of a million small objects cost more to collect than to walk.
 */
export interface SubscriptionTimelines {
  /** how many subscriptions */
  count: number;
  /** per subscription: its customer's id */
  customers: string[];
  /** per subscription s: its states are the indexes first[s] .. first[s + 1] − 1 of `from` and `states` */
  first: Int32Array;
  /** per state: valid_from, ascending within a subscription */
  from: Float64Array;
  states: PreparedState[];
}

/**
 * Timelines whose states were prepared before the call (the sync stores each version's prepared
 * state: core/revenue/revenue-state.ts), for the `includeMetered` they were prepared with.
 */
export interface PreparedTimelines {
  includeMetered: boolean;
  timelines: SubscriptionTimelines;
}

/**
 * Timelines from at most `capacity` prepared states handed in order: each subscription's states
 * together, by ascending valid_from. The customer is the latest state's, as Stripe never moves a
 * subscription but an old state may lack it.
 */
export class TimelineBuilder {
  private readonly first: Int32Array;
  private readonly from: Float64Array;
  private readonly states: PreparedState[] = [];
  private readonly customers: string[] = [];
  private subscriptionId: string | undefined;
  private customer: string | undefined;
  private count = 0;

  constructor(capacity: number) {
    this.first = new Int32Array(capacity + 1);
    this.from = new Float64Array(capacity);
  }

  add(subscriptionId: string, validFrom: number, customerId: string | undefined, state: PreparedState): void {
    if (subscriptionId !== this.subscriptionId) {
      this.close();
      this.subscriptionId = subscriptionId;
      this.first[this.customers.length] = this.count;
    }
    this.from[this.count++] = validFrom;
    this.states.push(state);
    this.customer = customerId;
  }

  finish(): SubscriptionTimelines {
    this.close();
    const subscriptions = this.customers.length;
    this.first[subscriptions] = this.count;
    return { count: subscriptions, customers: this.customers, first: this.first.subarray(0, subscriptions + 1), from: this.from.subarray(0, this.count), states: this.states };
  }

  private close(): void {
    if (this.subscriptionId === undefined) return;
    this.customers.push(this.customer ?? `(no customer: ${this.subscriptionId})`);
    this.subscriptionId = undefined;
  }
}

/**
 * Groups versions by subscription (one pass; versions may come in any order, though the sync
 * hands them sorted by subscription and valid_from, which skips the sort) and prepares each
 * state once.
 */
export function indexTimelines(versions: readonly SubscriptionVersion[], options: MrrOptions = {}): SubscriptionTimelines {
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
  const builder = new TimelineBuilder(versions.length);
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
