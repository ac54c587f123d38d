/** Formatting helpers for the Telemetry page (pure, unit-tested). */

const nf = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return nf.format(n);
}

/** `2026-11-28 21:04:05.123` in local time; the list shows the time part only. */
export function formatTs(ts: number, withMs = true): string {
  const d = new Date(ts);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  const time = `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  return withMs ? `${date} ${time}.${p(d.getMilliseconds(), 3)}` : `${date} ${time}`;
}

export function formatDuration(ms: number): string {
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

export interface Delta {
  direction: 'up' | 'down' | 'same';
  /** `+12`, `−3`, `±0`. */
  text: string;
  /** `+25%`; undefined when the day before was 0. */
  percent?: string;
}

/** A figure against the day before. */
export function delta(now: number, before: number): Delta {
  const diff = now - before;
  const direction = diff > 0 ? 'up' : diff < 0 ? 'down' : 'same';
  const abs = Math.abs(diff);
  const shown = Number.isInteger(abs) ? formatCount(abs) : abs.toFixed(1);
  const text = direction === 'up' ? `+${shown}` : direction === 'down' ? `\u2212${shown}` : '\u00b10';
  if (before === 0) return { direction, text };
  const pct = Math.round((diff / before) * 100);
  return { direction, text, percent: `${pct > 0 ? '+' : pct < 0 ? '\u2212' : '\u00b1'}${Math.abs(pct)}%` };
}

/** Yesterday's UTC date as YYYY-MM-DD (the report's default day). */
export function yesterdayUtc(now: number): string {
  return new Date(now - 86_400_000).toISOString().slice(0, 10);
}

/** Axis tick for a chart spanning `spanMs`. */
export function formatTick(x: number, spanMs: number): string {
  const d = new Date(x);
  const p = (n: number) => String(n).padStart(2, '0');
  if (spanMs <= 2 * 86_400_000) return `${p(d.getHours())}:${p(d.getMinutes())}`;
  return `${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
