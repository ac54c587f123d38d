import type { Converter } from './currency';
import { preparedMrrAt } from './subscription-mrr';
import type { SubscriptionTimelines } from './timeline';

/** MRR per customer at a series of instants, in the report's currency. */
export interface CustomerMrrGrid {
  customers: string[];
  instants: readonly number[];
  /** row per customer, column per instant: values[c * instants.length + i], whole minor units */
  values: Float64Array;
}

/**
 * MRR of every customer at each of `instants` (ascending, epoch seconds).
 *
 * Definition: a customer's MRR is the sum of the MRR of their subscriptions (see
 * subscriptionMrrAt) at that instant, each converted to the report's currency and rounded
 * to whole minor units. A customer counts as a (paying) customer while this is above zero.
 * Each subscription's states are walked once, forward, whatever the number of instants.
 */
export function customerMrrGrid(timelines: SubscriptionTimelines, instants: readonly number[], converter: Converter): CustomerMrrGrid {
  const rowOf = new Map<string, number>();
  const customers: string[] = [];
  const row = new Int32Array(timelines.count);
  for (let s = 0; s < timelines.count; s++) {
    const id = timelines.customers[s]!;
    let r = rowOf.get(id);
    if (r === undefined) {
      rowOf.set(id, (r = customers.length));
      customers.push(id);
    }
    row[s] = r;
  }
  const width = instants.length;
  const values = new Float64Array(customers.length * width);
  const { first, from, states } = timelines;
  for (let s = 0; s < timelines.count; s++) {
    const base = row[s]! * width;
    const start = first[s]!;
    const last = first[s + 1]! - 1;
    // one forward walk: the state in force moves on as the instants do
    let k = start - 1;
    for (let i = 0; i < width; i++) {
      const t = instants[i]!;
      while (k < last && from[k + 1]! <= t) k++;
      if (k < start) continue;
      const state = states[k]!;
      // the last state has ended: nothing more to read from this subscription
      if (k === last && t >= state.endsAt) break;
      const mrr = preparedMrrAt(state, t);
      if (mrr !== 0) values[base + i] = values[base + i]! + converter.convert(mrr, state.currency);
    }
  }
  return { customers, instants, values };
}

/**
 * MRR per customer at one instant, in the report's currency: only customers above zero are
 * listed. See customerMrrGrid for the definition.
 */
export function customerMrrAt(timelines: SubscriptionTimelines, t: number, converter: Converter): Map<string, number> {
  const grid = customerMrrGrid(timelines, [t], converter);
  const out = new Map<string, number>();
  grid.customers.forEach((c, i) => {
    const v = grid.values[i]!;
    if (v > 0) out.set(c, v);
  });
  return out;
}

/** Total MRR at an instant: the sum over customers. */
export function totalMrrAt(timelines: SubscriptionTimelines, t: number, converter: Converter): number {
  let sum = 0;
  for (const v of customerMrrAt(timelines, t, converter).values()) sum += v;
  return sum;
}

/** ARR, annual run rate: MRR × 12 (not a forecast and not a year's billings). */
export function arrOf(mrr: number): number {
  return mrr * 12;
}
