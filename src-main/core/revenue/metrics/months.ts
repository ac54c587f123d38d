import { badInput } from '../../errors';

/** A calendar month in UTC, "2026-03". */
export type MonthKey = string;

/** The UTC month an epoch-seconds instant falls in, as an index (year × 12 + month − 1) that is cheap to compare and step. */
export function monthIndexOf(epochSeconds: number): number {
  const d = new Date(epochSeconds * 1000);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** The first second of a month index, epoch seconds. */
export function monthStart(index: number): number {
  return Date.UTC(Math.floor(index / 12), index % 12, 1) / 1000;
}

/** The month index as "YYYY-MM". */
export function monthKey(index: number): MonthKey {
  const month = (index % 12) + 1;
  return `${Math.floor(index / 12)}-${month < 10 ? '0' : ''}${month}`;
}

/** "YYYY-MM" → month index; undefined for anything else. */
export function parseMonthKey(key: string): number | undefined {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : undefined;
}

/**
 * The instant a month's closing figures are read at: its last second, or `asOf` for the
 * month still running. A subscription that ends at midnight on the 1st (the usual end of a
 * monthly period) is still counted in the month before and churns in the month it ends in.
 */
export function monthCloseAt(index: number, asOf: number): number {
  return Math.min(monthStart(index + 1) - 1, asOf);
}

/** A run of consecutive months, with their boundaries worked out once. */
export interface MonthRange {
  /** month index of the first month */
  first: number;
  count: number;
  /** count + 1 boundaries: starts[k] is the first second of month first + k */
  starts: number[];
}

export function monthRange(first: number, count: number): MonthRange {
  return { first, count, starts: Array.from({ length: count + 1 }, (_, k) => monthStart(first + k)) };
}

/** Seconds in an average Gregorian month, to guess an instant's month before checking it. */
const averageMonth = (365.2425 * 86_400) / 12;

/** Which month of the range instant `at` falls in (0-based), or −1 outside it. A guess from the average month, corrected against the boundaries: no Date per call. */
export function monthSlot(range: MonthRange, at: number): number {
  const { starts, count } = range;
  if (at < starts[0]! || at >= starts[count]!) return -1;
  let slot = Math.min(count - 1, Math.floor((at - starts[0]!) / averageMonth));
  while (starts[slot]! > at) slot--;
  while (starts[slot + 1]! <= at) slot++;
  return slot;
}

/**
 * The `asOf` that reads the figures of month `key` ("2026-03"): its last second, or `now`
 * while it is running. For a procedure's `month` parameter; a bad value is refused naming it.
 */
export function asOfForMonth(key: string, now: number): number {
  const index = parseMonthKey(key);
  if (index === undefined) throw badInput('month', 'must be a month written YYYY-MM, such as 2026-03');
  if (monthStart(index) > now) throw badInput('month', `must not be after this month (${monthKey(monthIndexOf(now))})`);
  return monthCloseAt(index, now);
}
