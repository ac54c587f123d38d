/** UTC calendar months as the cost view counts them: keys "2026-03", their first and next instants, days. */

const dayMs = 86_400_000;

/** The month (YYYY-MM, UTC) `ms` falls in. */
export function monthKeyOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

function parts(key: string): [number, number] {
  const [y, m] = key.split('-').map(Number) as [number, number];
  return [y, m - 1];
}

/** The first instant of the month. */
export function monthStartMs(key: string): number {
  const [y, m] = parts(key);
  return Date.UTC(y, m, 1);
}

/** The first instant of the month after it. */
export function nextMonthStartMs(key: string): number {
  const [y, m] = parts(key);
  return Date.UTC(y, m + 1, 1);
}

export function daysIn(key: string): number {
  return Math.round((nextMonthStartMs(key) - monthStartMs(key)) / dayMs);
}

/** The `count` months ending with `last`, oldest first. */
export function monthsEnding(last: string, count: number): string[] {
  const [y, m] = parts(last);
  return Array.from({ length: count }, (_, i) => monthKeyOf(Date.UTC(y, m - (count - 1 - i), 1)));
}

/** A YYYY-MM-DD date as a day number (days since the epoch). */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / dayMs);
}

/** The month's first and last day numbers. */
export function monthDays(key: string): { first: number; last: number } {
  const first = Math.round(monthStartMs(key) / dayMs);
  return { first, last: first + daysIn(key) - 1 };
}
