import type { CustomerMrrGrid } from './customer-mrr';

/**
 * How MRR moved between two closes (the end of one month and the end of the next), in
 * whole minor units of the report's currency. Gains are positive, losses negative, so
 * new + expansion + reactivation + contraction + churn = net = mrrEnd − mrrStart, exactly.
 */
export interface MrrMovements {
  /** MRR from customers who never paid before */
  new: number;
  /** MRR added by customers who paid at both closes (upgrades, more seats, a discount ending) */
  expansion: number;
  /** MRR from customers who had paid once, stopped, and pay again */
  reactivation: number;
  /** MRR lost by customers who still pay (downgrades, fewer seats, one of two subscriptions cancelled), ≤ 0 */
  contraction: number;
  /** MRR lost by customers who pay nothing any more (their last paying subscription ended), ≤ 0 */
  churn: number;
  /** net new MRR: the sum of the five */
  net: number;
  mrrStart: number;
  mrrEnd: number;
  customersStart: number;
  customersEnd: number;
  newCustomers: number;
  reactivatedCustomers: number;
  churnedCustomers: number;
}

function emptyMovements(): MrrMovements {
  return { new: 0, expansion: 0, reactivation: 0, contraction: 0, churn: 0, net: 0, mrrStart: 0, mrrEnd: 0, customersStart: 0, customersEnd: 0, newCustomers: 0, reactivatedCustomers: 0, churnedCustomers: 0 };
}

/**
 * MRR movements between consecutive instants of a grid: result[i] covers grid.instants[i − 1]
 * → grid.instants[i] (result[0] is empty: nothing before the first close).
 *
 * Definitions (ChartMogul's net movements per customer per period, as Baremetrics reports them):
 * each customer's MRR at the earlier close is compared with the later one.
 * - 0 → more than 0: **new** if the customer had no MRR at any earlier close, otherwise
 *   **reactivation** (a customer who had churned is back).
 * - more than 0 → 0: **churn**, the whole earlier MRR. A customer with two subscriptions who
 *   cancels one still pays, so that is contraction, never churn.
 * - more than 0 at both: the difference is **expansion** (up) or **contraction** (down). A plan
 *   change mid-month counts once, as the difference between the two closes; an upgrade and a
 *   downgrade inside one month cancel out.
 * - cancel_at_period_end: MRR runs on to the period's end, so churn lands in the month the
 *   paid period ends, not the month of the click.
 */
export function movementsOfGrid(grid: CustomerMrrGrid): MrrMovements[] {
  const width = grid.instants.length;
  const out = Array.from({ length: width }, emptyMovements);
  const { values } = grid;
  for (let c = 0; c < grid.customers.length; c++) {
    const base = c * width;
    let everPaid = false;
    let prev = values[base]!;
    if (prev > 0) {
      everPaid = true;
      out[0]!.mrrEnd += prev;
      out[0]!.customersEnd++;
    }
    for (let i = 1; i < width; i++) {
      const cur = values[base + i]!;
      const m = out[i]!;
      if (prev > 0) {
        m.mrrStart += prev;
        m.customersStart++;
      }
      if (cur > 0) {
        m.mrrEnd += cur;
        m.customersEnd++;
      }
      if (prev === 0 && cur > 0) {
        if (everPaid) {
          m.reactivation += cur;
          m.reactivatedCustomers++;
        } else {
          m.new += cur;
          m.newCustomers++;
        }
      } else if (prev > 0 && cur === 0) {
        m.churn -= prev;
        m.churnedCustomers++;
      } else if (cur > prev) m.expansion += cur - prev;
      else if (cur < prev) m.contraction += cur - prev;
      if (cur > 0) everPaid = true;
      prev = cur;
    }
  }
  for (const m of out) m.net = m.new + m.expansion + m.reactivation + m.contraction + m.churn;
  return out;
}
