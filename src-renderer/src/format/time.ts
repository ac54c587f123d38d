/**
 * Every date and time the renderer shows, in one house style: the founder's locale and time
 * zone (the browser's), the month as a word so day-first and month-first never get confused
 * ("7 Dec 2026, 14:05" in en-GB, "Dec 7, 2026, 2:05 PM" in en-US), and relative words
 * ("3 min ago") where the page shows recency. Pure; unit-tested in time.test.ts.
 */

const day: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const dayShort: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };
const clock: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
const clockSeconds: Intl.DateTimeFormatOptions = { ...clock, second: '2-digit' };
const clockMs: Intl.DateTimeFormatOptions = { ...clockSeconds, fractionalSecondDigits: 3 };

export interface TimeFormat {
  /** "7 Dec 2026, 14:05". */
  time(at: number): string;
  /** "7 Dec 2026, 14:05:09", or with `withMs` "7 Dec 2026, 14:05:09.123". */
  timeExact(at: number, withMs?: boolean): string;
  /** "7 Dec 2026". */
  day(at: number): string;
  /** "7 Dec": chart ticks and day ranges within a year. */
  dayShort(at: number): string;
  /** The time of day, "14:05:09" (with `withMs` "14:05:09.123"): log lines of one run or one list. */
  clock(at: number, withMs?: boolean): string;
  /** "14:05": chart ticks. */
  clockShort(at: number): string;
}

/** The house formats for a locale and time zone; undefined for either means the browser's. */
export function makeTimeFormat(locale?: string, timeZone?: string): TimeFormat {
  const make = (options: Intl.DateTimeFormatOptions) => {
    let f: Intl.DateTimeFormat | undefined;
    return (at: number) => (f ??= new Intl.DateTimeFormat(locale, { ...options, timeZone })).format(at);
  };
  const time = make({ ...day, ...clock });
  const exact = make({ ...day, ...clockSeconds });
  const exactMs = make({ ...day, ...clockMs });
  const clockS = make(clockSeconds);
  const clockMsF = make(clockMs);
  return {
    time,
    timeExact: (at, withMs = false) => (withMs ? exactMs(at) : exact(at)),
    day: make(day),
    dayShort: make(dayShort),
    clock: (at, withMs = false) => (withMs ? clockMsF(at) : clockS(at)),
    clockShort: make(clock),
  };
}

const browser = makeTimeFormat();
const utc = makeTimeFormat(undefined, 'UTC');

/** "7 Dec 2026, 14:05" in the founder's locale and time zone. */
export const formatTime = (at: number): string => browser.time(at);
/** As formatTime, with the seconds (and with `withMs` the milliseconds). */
export const formatTimeExact = (at: number, withMs = false): string => browser.timeExact(at, withMs);
/** "7 Dec 2026". */
export const formatDay = (at: number): string => browser.day(at);
/** "7 Dec 2026" for a UTC day (the daily telemetry report counts UTC days). */
export const formatUtcDay = (at: number): string => utc.day(at);
/** "7 Dec" for a local calendar day "2026-12-07" (the day is already the founder's). */
export function formatCalendarDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return browser.dayShort(new Date(y, m - 1, d).getTime());
}
/** The time of day with seconds, "14:05:09": log lines where the date is already on the page. */
export const formatClock = (at: number, withMs = false): string => browser.clock(at, withMs);

/** A request's or a check's latency: "0.50 ms", "250 ms", "1.50 s", "2.5 min". */
export function formatLatency(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

/** A span of time in words: "42 s", "5 min", "3 h", "2 d". */
export function formatSpan(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  if (ms < 86_400_000) return `${Math.round(ms / 3_600_000)} h`;
  return `${Math.round(ms / 86_400_000)} d`;
}

/** "just now", "42 s ago", "5 min ago", "3 h ago", "2 d ago". */
export function formatAgo(ms: number): string {
  return ms < 5_000 ? 'just now' : `${formatSpan(ms)} ago`;
}

/** When `at` is, seen from `now`: "3 min ago", "just now", "in 2 h". */
export function formatRelative(at: number, now: number): string {
  const ms = now - at;
  if (ms > -5_000) return formatAgo(Math.max(0, ms));
  return `in ${formatSpan(-ms)}`;
}

/** Axis tick for a chart spanning `spanMs`: the time of day up to two days, else the day. */
export function formatTick(x: number, spanMs: number, format: TimeFormat = browser): string {
  return spanMs <= 2 * 86_400_000 ? format.clockShort(x) : format.dayShort(x);
}
