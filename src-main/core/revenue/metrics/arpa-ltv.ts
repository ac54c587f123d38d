import { roundMinor } from './currency';

/**
 * ARPA, average revenue per account: MRR ÷ paying customers at the same instant, whole minor
 * units of the report's currency. null with no paying customer.
 */
export function arpa(mrr: number, customers: number): number | null {
  return customers === 0 ? null : roundMinor(mrr / customers);
}

/** LTV, or why there is none: the UI shows the reason in place of a number ("not enough data"). */
export type LtvResult = { value: number; reason?: undefined } | { value: null; reason: string };

/**
 * LTV, customer lifetime value: ARPA ÷ the trailing monthly customer churn rate (Baremetrics'
 * and ChartMogul's definition: what a customer pays a month times the months an average
 * customer stays, 1 ÷ churn). Whole minor units. With no churn in the window the lifetime
 * would be infinite, so there is no value, only the reason: "not enough data".
 */
export function ltv(arpaValue: number | null, trailingChurnRate: number | null, trailingMonths: number): LtvResult {
  if (arpaValue === null) return { value: null, reason: 'not enough data: no paying customers' };
  if (trailingChurnRate === null) return { value: null, reason: `not enough data: no paying customers at the start of the last ${trailingMonths} months` };
  if (trailingChurnRate === 0) return { value: null, reason: `not enough data: no customer churned in the last ${trailingMonths} months` };
  return { value: roundMinor(arpaValue / trailingChurnRate) };
}
