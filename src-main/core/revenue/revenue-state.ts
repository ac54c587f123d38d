import { idOf, notPaying, prepareState, type DiscountWindow, type PreparedState, type StripeSubscription } from './metrics';
import { revenueFields, subscriptionOfFields } from './revenue-fields';
import type { StripeJson } from './sync/json';

/**
 * A subscription state as the metrics evaluate it (metrics/subscription-mrr.ts: PreparedState),
 * worked out once when the version is stored and kept beside it as `revenue_state` (its customer
 * as `customer`), so revenue.metrics reads a few numbers per version instead of decoding its
 * fields and preparing them on every call; most states are alike (one price, no end yet), so the
 * reader prepares each distinct text once. The definitions stay in prepareState: this file only
 * runs it and writes down what it gave.
 *
 * A JSON array: `[]` for a state that does not pay (worth 0 whatever its items), else
 * `[currency, monthlyGross, periodMonths, trialEnd, endsAt, discounts]`, then
 * `monthlyGross, periodMonths` again counting metered items when those differ. `trialEnd` null is
 * no trial, `endsAt` null no end; `discounts` 0 for none, `[[percentOff, amountOff, from, until]]`
 * (until null: forever), or null when the subscription names a discount by id only: that one is
 * prepared on reading, with the discounts synced by then (reports/synced-input.ts).
 *
 * Changing prepareState or this form: a migration that sets revenue_state to NULL, which the
 * reader fills again on its next read.
 */
type Window = [number, number, number, number | null];
type Encoded = [] | [string, number, number, number | null, number | null, Window[] | 0 | null, number?, number?];

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The prepared state of a subscription as its `revenue_state`. */
export function revenueState(sub: StripeSubscription): string {
  const state = prepareState(sub);
  if (!state.paying) return '[]';
  const byId = sub.discounts?.some((d) => typeof d === 'string');
  const windows = byId ? null : state.discounts.length ? state.discounts.map((w): Window => [w.percentOff, w.amountOff, w.from, finite(w.until)]) : 0;
  const encoded: Encoded = [state.currency, state.monthlyGross, state.periodMonths, finite(state.trialEnd), finite(state.endsAt), windows];
  const metered = prepareState(sub, { includeMetered: true });
  if (metered.monthlyGross !== state.monthlyGross || metered.periodMonths !== state.periodMonths) encoded.push(metered.monthlyGross, metered.periodMonths);
  return JSON.stringify(encoded);
}

/** The columns stored beside every subscription version for the metrics, from the object Stripe sent. */
export function revenueColumns(sub: StripeJson): { revenueData: string; revenueState: string; customer: string | null } {
  const revenueData = revenueFields(sub);
  return { revenueData, ...statedColumns(revenueData) };
}

/** `revenue_state` and `customer` from `revenue_data` (for a version stored before they were). */
export function statedColumns(revenueData: string): { revenueState: string; customer: string | null } {
  const sub = subscriptionOfFields(revenueData);
  return { revenueState: revenueState(sub), customer: idOf(sub.customer) ?? null };
}

const noWindows: DiscountWindow[] = [];

/**
 * `revenue_state` back into the prepared state, counting metered items or not; undefined when a
 * discount is named by id only (prepare that state from `revenue_data` with the synced discounts).
 */
export function storedState(json: string, includeMetered: boolean): PreparedState | undefined {
  const e = JSON.parse(json) as Encoded;
  if (e.length === 0) return notPaying;
  const [currency, gross, period, trialEnd, endsAt, windows, meteredGross, meteredPeriod] = e;
  if (windows === null) return undefined;
  const metered = includeMetered && meteredGross !== undefined;
  return {
    currency,
    paying: true,
    monthlyGross: metered ? meteredGross : gross,
    periodMonths: metered ? meteredPeriod! : period,
    trialEnd: trialEnd ?? -Infinity,
    endsAt: endsAt ?? Infinity,
    discounts: windows === 0 ? noWindows : windows.map(([percentOff, amountOff, from, until]) => ({ percentOff, amountOff, from, until: until ?? Infinity })),
  };
}
