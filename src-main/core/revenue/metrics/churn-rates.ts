import type { MrrMovements } from './movements';

/** a / b, or null when b is 0: a rate over nothing is "no data", not 0 and not infinity */
function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

/**
 * Customer churn rate of a month, a fraction (0.05 = 5%): customers who churned during the
 * month ÷ customers paying at its start. Customers who joined during the month are not in
 * the denominator (ChartMogul's definition). null when no one paid at the start.
 */
export function customerChurnRate(m: MrrMovements): number | null {
  return ratio(m.churnedCustomers, m.customersStart);
}

/**
 * Gross MRR churn rate of a month, a fraction: MRR lost to churn and contraction ÷ MRR at the
 * month's start. Expansion does not offset it, so it is never below 0.
 */
export function grossMrrChurnRate(m: MrrMovements): number | null {
  return ratio(-(m.churn + m.contraction), m.mrrStart);
}

/**
 * Net MRR churn rate of a month, a fraction: (churn + contraction − expansion − reactivation)
 * ÷ MRR at the month's start. Below 0 ("net negative churn") when existing and returning
 * customers add more than leavers take away. New business is not in it.
 */
export function netMrrChurnRate(m: MrrMovements): number | null {
  return ratio(-(m.churn + m.contraction + m.expansion + m.reactivation), m.mrrStart);
}

/**
 * Customer churn over a trailing window of months, as one monthly rate: churned customers of
 * all the months ÷ customers at the start of each, summed. Pooling smooths the month-to-month
 * noise of a small customer base. null when no one paid at any of the starts.
 */
export function trailingCustomerChurnRate(months: readonly MrrMovements[]): number | null {
  let churned = 0;
  let atStart = 0;
  for (const m of months) {
    churned += m.churnedCustomers;
    atStart += m.customersStart;
  }
  return ratio(churned, atStart);
}
