import type { CostCycle } from '../../../shared/costs';
import { dayNumber, daysIn, monthDays } from './months';

/** The fields of a recurring cost its share of a month depends on. */
export interface Cycled {
  amountMinor: number;
  cycle: CostCycle;
  /** YYYY-MM-DD, the first day paid for */
  startDate: string;
  /** YYYY-MM-DD, the last day paid for (included); null: it goes on */
  endDate: string | null;
}

/**
 * A recurring cost's share of one month, in minor units of its own currency, unrounded.
 * Counted in whole UTC days, the first and last day included:
 * - monthly: the amount × the days it runs in the month ÷ the month's days (a full month
 *   is the whole amount; $30 from the 16th of a 30-day month is $15);
 * - yearly: spread evenly, a twelfth of the amount a month, prorated by days the same way
 *   ($120 a year is $10 a month);
 * - one-off: the whole amount in the month of its start date, nothing after (its end is ignored).
 */
export function monthShare(cost: Cycled, month: string): number {
  const { first, last } = monthDays(month);
  const start = dayNumber(cost.startDate);
  if (cost.cycle === 'one-off') return start >= first && start <= last ? cost.amountMinor : 0;
  const end = cost.endDate === null ? Infinity : dayNumber(cost.endDate);
  const days = Math.min(end, last) - Math.max(start, first) + 1;
  if (days <= 0) return 0;
  const perMonth = cost.cycle === 'yearly' ? cost.amountMinor / 12 : cost.amountMinor;
  return (perMonth * days) / daysIn(month);
}
