/** Formatting of the Telemetry page's own figures (pure, unit-tested); app-wide ones live in src/format/. */
import { formatCount } from '../../format/number';

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
