import { CoreError } from '../errors';

/** Every IANA offset is a whole number of quarter hours: a bucket never straddles a local midnight. */
export const quarterHourMs = 900_000;
const dayMs = 86_400_000;
/** A longer daily series is not a chart any more; ask for a shorter range. */
export const maxDailyDays = 1000;

export interface DailyCounts {
  day: string;
  succeeded: number;
  failed: number;
  rejected: number;
  cancelled: number;
  other: number;
}

/** A formatter giving YYYY-MM-DD in the zone; a BAD_INPUT naming `timezone` when it is not one. */
export function dayFormatter(timezone: string): (at: number) => string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
  } catch {
    throw new CoreError('BAD_INPUT', `timezone: "${timezone}" is not an IANA timezone (e.g. Europe/London)`, 'timezone');
  }
  return (at) => {
    const parts = format.formatToParts(at);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}`;
  };
}

function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + dayMs).toISOString().slice(0, 10);
}

/**
 * Counts per local calendar day over [from, to), every day present (zeros included), oldest
 * first. `buckets` are quarter-hour counts (`bucket` = floor(createdAt / 15 min)) by status.
 */
export function dailySeries(buckets: readonly { bucket: number; status: string; n: number }[], from: number, to: number, timezone: string): DailyCounts[] {
  const dayOf = dayFormatter(timezone);
  const first = dayOf(from);
  const last = dayOf(Math.max(from, to - 1));
  const days = new Map<string, DailyCounts>();
  for (let day = first; ; day = nextDay(day)) {
    days.set(day, { day, succeeded: 0, failed: 0, rejected: 0, cancelled: 0, other: 0 });
    if (days.size > maxDailyDays) throw new CoreError('BAD_INPUT', `from: a daily series covers at most ${maxDailyDays} days; choose a shorter range`, 'from');
    if (day >= last) break;
  }
  for (const b of buckets) {
    const counts = days.get(dayOf(Math.max(from, b.bucket * quarterHourMs)));
    if (!counts) continue;
    if (b.status === 'succeeded' || b.status === 'failed' || b.status === 'rejected' || b.status === 'cancelled') counts[b.status] += b.n;
    else counts.other += b.n;
  }
  return [...days.values()];
}
