import type { StripeCoupon, StripeDiscount, StripeSubscription } from './model';

/** A discount reduced to when it applies and how much it takes off. */
export interface DiscountWindow {
  percentOff: number;
  /** minor units taken off each invoice (one billing period) */
  amountOff: number;
  /** epoch seconds, inclusive */
  from: number;
  /** epoch seconds, exclusive; Infinity for a forever coupon */
  until: number;
}

function couponOf(discount: StripeDiscount): StripeCoupon | undefined {
  if (discount.coupon) return discount.coupon;
  const source = discount.source?.coupon;
  return source && typeof source === 'object' ? source : undefined;
}

/** `months` calendar months after `epochSeconds` (Stripe's own end of a repeating coupon), same day and time. */
function addMonths(epochSeconds: number, months: number): number {
  const d = new Date(epochSeconds * 1000);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime() / 1000;
}

/**
 * The discounts that shape MRR, in the order Stripe applies them. A `once` coupon is left
 * out: it takes money off one invoice, which is a one-off price cut and not a change in what
 * the subscription bills every month (ChartMogul and Baremetrics leave it out of MRR too).
 * A `repeating` coupon counts from its start to its end (Stripe sets `end`; without it,
 * start + duration_in_months); `forever` from its start on.
 */
export function discountWindows(sub: StripeSubscription): DiscountWindow[] {
  const listed = (sub.discounts ?? []).filter((d): d is StripeDiscount => typeof d === 'object' && d !== null);
  const all = listed.length ? listed : sub.discount ? [sub.discount] : [];
  const windows: DiscountWindow[] = [];
  for (const discount of all) {
    const coupon = couponOf(discount);
    if (!coupon || coupon.duration === 'once') continue;
    let until = discount.end ?? Infinity;
    if (discount.end == null && coupon.duration === 'repeating' && coupon.duration_in_months) until = addMonths(discount.start, coupon.duration_in_months);
    windows.push({ percentOff: coupon.percent_off ?? 0, amountOff: coupon.amount_off ?? 0, from: discount.start, until });
  }
  return windows;
}

/**
 * A monthly amount after the discounts in force at `t`, applied in order: a percentage of
 * what is left, an amount off each invoice spread over the months of one billing period
 * (100 off a yearly invoice is 100 / 12 a month). Never below zero.
 */
export function discountedMonthly(monthly: number, periodMonths: number, windows: readonly DiscountWindow[], t: number): number {
  let m = monthly;
  for (const w of windows) {
    if (t < w.from || t >= w.until) continue;
    if (w.percentOff) m -= (m * w.percentOff) / 100;
    if (w.amountOff) m -= w.amountOff / periodMonths;
  }
  return m > 0 ? m : 0;
}
