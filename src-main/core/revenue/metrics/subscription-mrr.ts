import { currencyCode, roundMinor } from './currency';
import { discountWindows, discountedMonthly, type DiscountWindow } from './discounts';
import type { CurrencyCode, StripeInterval, StripeSubscription, StripeSubscriptionStatus } from './model';

export interface MrrOptions {
  /**
   * Count metered items (usage billed after the fact) at unit_amount × quantity. Off by
   * default, as ChartMogul and Baremetrics do: usage is not a committed monthly amount.
   */
  includeMetered?: boolean;
}

/**
 * How many months one billing interval lasts: a year is 12, a week 12/52 (so a weekly price
 * × 52 / 12 is its month), a day 12/365; `interval_count` multiplies it (every 3 months = 3).
 */
export function monthsPerInterval(interval: StripeInterval, count: number): number {
  const n = count > 0 ? count : 1;
  switch (interval) {
    case 'year':
      return 12 * n;
    case 'month':
      return n;
    case 'week':
      return (12 / 52) * n;
    case 'day':
      return (12 / 365) * n;
  }
}

/** Statuses whose subscription pays: past_due still counts until Stripe gives up and cancels it. */
const paying: ReadonlySet<StripeSubscriptionStatus> = new Set(['active', 'past_due']);

/**
 * One subscription state reduced once to what MRR at an instant needs, so evaluating it at
 * many instants costs a few comparisons.
 */
export interface PreparedState {
  currency: CurrencyCode;
  /** whether the status is one that pays (active, past_due) */
  paying: boolean;
  /** monthly amount before discounts, fractional minor units */
  monthlyGross: number;
  /** months in the billing period, to spread an amount_off coupon (taken off each invoice) over a month */
  periodMonths: number;
  /** no MRR before this instant (the trial's end), epoch seconds */
  trialEnd: number;
  /** no MRR from this instant on (ended_at, or cancel_at: the end of the period after cancel_at_period_end) */
  endsAt: number;
  discounts: DiscountWindow[];
}

const noDiscounts: DiscountWindow[] = [];

/** Every state that does not pay: worth 0 from the start, so a walk over instants stops at it when it is the last. */
export const notPaying: PreparedState = Object.freeze({ currency: '', paying: false, monthlyGross: 0, periodMonths: 1, trialEnd: -Infinity, endsAt: -Infinity, discounts: noDiscounts });

/** Reads a subscription state once; see subscriptionMrrAt for what counts. */
export function prepareState(sub: StripeSubscription, options: MrrOptions = {}): PreparedState {
  // a state that does not pay is worth 0 whatever its items, and needs no rate: one shared object for all
  if (!paying.has(sub.status)) return notPaying;
  const items = sub.items.data;
  const currency = items.length ? currencyCode(items[0]!.price.currency) : 'usd';
  let monthlyGross = 0;
  let periodMonths = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const recurring = item.price.recurring;
    if (!recurring || (recurring.usage_type === 'metered' && !options.includeMetered)) continue;
    const months = monthsPerInterval(recurring.interval, recurring.interval_count);
    if (periodMonths === 0) periodMonths = months;
    monthlyGross += ((item.price.unit_amount ?? 0) * (item.quantity ?? 1)) / months;
  }
  let endsAt = Infinity;
  if (typeof sub.ended_at === 'number') endsAt = sub.ended_at;
  if (typeof sub.cancel_at === 'number' && sub.cancel_at < endsAt) endsAt = sub.cancel_at;
  return {
    currency,
    paying: true,
    monthlyGross,
    periodMonths: periodMonths || 1,
    trialEnd: sub.trial_end ?? -Infinity,
    endsAt,
    discounts: sub.discount || sub.discounts?.length ? discountWindows(sub) : noDiscounts,
  };
}

/** MRR of a prepared state at instant `t` (epoch seconds), whole minor units of its currency. */
export function preparedMrrAt(state: PreparedState, t: number): number {
  if (!state.paying || t < state.trialEnd || t >= state.endsAt || state.monthlyGross <= 0) return 0;
  const monthly = state.discounts.length ? discountedMonthly(state.monthlyGross, state.periodMonths, state.discounts, t) : state.monthlyGross;
  return roundMinor(monthly);
}

/**
 * MRR of one subscription state at instant `t`: what it bills, normalised to one month, in
 * whole minor units of its currency.
 *
 * Definition (ChartMogul's and Baremetrics'): the sum over the subscription's recurring items
 * of unit price × quantity, divided by the months in the billing interval (a yearly price / 12,
 * a weekly one × 52 / 12, "every 3 months" / 3), less the discounts in force at `t`. It is 0
 * while the subscription is trialing or before its trial ends, once it has ended or reached
 * its cancel_at (cancel_at_period_end keeps it counting to the end of the paid period), and
 * for any status that does not pay (incomplete, unpaid, paused, canceled). Metered items are
 * left out unless `includeMetered`. A 100%-off coupon gives 0; an amount-off coupon can never
 * make it negative. Rounded to whole minor units once, here, so every total adds up exactly.
 */
export function subscriptionMrrAt(sub: StripeSubscription, t: number, options: MrrOptions = {}): number {
  return preparedMrrAt(prepareState(sub, options), t);
}
