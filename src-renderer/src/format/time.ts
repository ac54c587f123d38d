/** Times, ages and latencies as the pages show them (pure, unit-tested in time.test.ts). */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-11-28 21:04:05.123` in local time; the list shows the time part only. */
export function formatTs(ts: number, withMs = true): string {
  const d = new Date(ts);
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return withMs ? `${date} ${time}.${pad(d.getMilliseconds(), 3)}` : `${date} ${time}`;
}

/** "Nov 28, 2026, 9:40 PM" in the founder's locale and time zone. */
export function formatTime(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** As formatTime, with the seconds. */
export function formatTimeExact(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** A request's or a check's latency: "0.50 ms", "250 ms", "1.50 s", "2.5 min". */
export function formatLatency(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

/** "just now", "42 s ago", "5 min ago", "3 h ago", "2 d ago". */
export function formatAgo(ms: number): string {
  if (ms < 5_000) return 'just now';
  if (ms < 60_000) return `${Math.round(ms / 1000)} s ago`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min ago`;
  if (ms < 86_400_000) return `${Math.round(ms / 3_600_000)} h ago`;
  return `${Math.round(ms / 86_400_000)} d ago`;
}

/** Axis tick for a chart spanning `spanMs`: the time of day up to two days, else the date. */
export function formatTick(x: number, spanMs: number): string {
  const d = new Date(x);
  if (spanMs <= 2 * 86_400_000) return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return `${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
