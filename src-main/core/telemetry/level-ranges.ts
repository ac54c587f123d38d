import type { TelemetryLevel } from '../../../shared/telemetry';
import type { Db } from '../db/open';
import { pruneMarks } from './prune-marks';
import { grainMs, type Grain } from './rollups';
import { floorTo } from './row';

/** [from, to) in ms. */
export type TimeRange = [number, number];

/**
 * The stretches of [from, to), newest first, that can hold rows of these levels: the buckets
 * the level rollups counted such rows in, at the finest grain still kept there (minutes for
 * the last day, hours for 30 days, days for a year), merged where they touch; before the oldest
 * kept day, all of it. Every stored row is rolled up in the transaction that stores it, so no
 * matching row lies outside them. A level filter over sparse rows (a few hundred errors among
 * a million) then reads those stretches rather than every row.
 */
export function levelRanges(db: Db, levels: readonly TelemetryLevel[], from: number, to: number, now: number): TimeRange[] {
  return rolledUpRanges(db, `telemetry_rollup_levels WHERE level IN (${levels.map(() => '?').join(', ')})`, levels, from, to, now);
}

/**
 * The same for one fingerprint, from the fingerprint rollups: the explorer's fingerprint
 * filter reads only the minutes (hours, days) that hold its rows — there is no index on
 * fingerprint, which would cost every ingested row an index insert.
 */
export function fingerprintRanges(db: Db, fingerprint: string, from: number, to: number, now: number): TimeRange[] {
  return rolledUpRanges(db, 'telemetry_rollup_fingerprints WHERE fingerprint = ?', [fingerprint], from, to, now);
}

/** `rollup` is "<table> WHERE <condition>" over a rollup table with grain and bucket columns. */
function rolledUpRanges(db: Db, rollup: string, values: readonly unknown[], from: number, to: number, now: number): TimeRange[] {
  const kept = pruneMarks(db, now).keptFrom;
  const spans: Array<[Grain, number, number]> = [
    ['minute', kept('minute'), Number.MAX_SAFE_INTEGER],
    ['hour', kept('hour'), kept('minute')],
    ['day', kept('day'), kept('hour')],
  ];
  const buckets = db.prepare(`SELECT DISTINCT bucket FROM ${rollup} AND grain = ? AND bucket >= ? AND bucket < ? ORDER BY bucket DESC`).pluck();
  const out: TimeRange[] = [];
  const add = (a: number, b: number) => {
    const lo = Math.max(a, from);
    const hi = Math.min(b, to);
    if (lo >= hi) return;
    const newer = out.at(-1);
    if (newer && newer[0] <= hi) newer[0] = Math.min(newer[0], lo);
    else out.push([lo, hi]);
  };
  for (const [grain, lo, hi] of spans) {
    if (hi <= from || lo >= to) continue;
    const size = grainMs[grain];
    for (const bucket of buckets.all(...values, grain, Math.max(lo, floorTo(from, size)), Math.min(hi, to)) as number[]) add(bucket, Math.min(bucket + size, hi));
  }
  add(Number.MIN_SAFE_INTEGER, kept('day'));
  return out;
}
