import type { Db } from '../db/open';
import { rowFilter, type RowFilters } from './row-filter';
import { fingerprintRanges } from './level-ranges';
import { pruneMarks } from './prune-marks';
import { grainMs, grains, type Grain } from './rollups';
import { floorTo } from './row';
import { rowsInTimeSql, storedTimeSpan } from './time-blocks';

/** A COUNT over raw rows stops after this many matches; the answer then says "at least". */
export const countCap = 100_000;

export interface RowCount {
  total: number;
  /** true: at least `total` rows match (the count stopped at the cap). */
  capped: boolean;
}

/**
 * How many rows match a query's filters. Time and level filters alone, or time and a
 * fingerprint, are answered from the level (fingerprint) rollups — whole days, hours and
 * minutes — plus exact counts of the partial buckets at the edges, so "all 5 million rows"
 * costs a few index reads. Any other filter needs the raw rows: a COUNT that stops at `cap`
 * (for a fingerprint, only over the stretches its rollups point at).
 */
export function countRows(db: Db, q: RowFilters, now: number, cap: number = countCap): RowCount {
  if (q.source === undefined && q.endpoint === undefined && q.text === undefined) {
    if (q.fingerprint === undefined) {
      const levels = q.levels && q.levels.length > 0 ? q.levels : [];
      const levelSql = levels.length > 0 ? `level IN (${levels.map(() => '?').join(', ')})` : undefined;
      return { total: countFromRollups(db, q, now, 'telemetry_rollup_levels', levelSql, levels), capped: false };
    }
    if (!q.levels || q.levels.length === 0) return { total: countFromRollups(db, q, now, 'telemetry_rollup_fingerprints', 'fingerprint = ?', [q.fingerprint]), capped: false };
  }
  const { where, params } = rowFilter(q);
  const [lower, upper] = [q.from ?? Number.MIN_SAFE_INTEGER, q.to ?? Number.MAX_SAFE_INTEGER];
  // a fingerprint has no index: count only where its rollups say its rows are
  const ranges = q.fingerprint !== undefined ? fingerprintRanges(db, q.fingerprint, lower, upper, now) : [[lower, upper]];
  const inRange = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM ${rowsInTimeSql}${where.map((w) => ` AND ${w}`).join('')} LIMIT ?)`).pluck();
  let n = 0;
  for (const [a, b] of ranges) {
    n += inRange.get(a, b, a, b, ...params, cap + 1 - n) as number;
    if (n > cap) break;
  }
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false };
}

/** `condition` (over `values`) holds in the raw rows and in `rollup`'s rows alike: a level or a fingerprint. */
function countFromRollups(db: Db, q: RowFilters, now: number, rollup: string, condition: string | undefined, values: readonly unknown[]): number {
  const filterSql = condition ? ` AND ${condition}` : '';
  const span = storedTimeSpan(db);
  if (span === undefined) return 0;
  const { oldest, newest } = span;
  let from = Math.max(q.from ?? oldest, oldest);
  const to = Math.min(q.to ?? newest + 1, newest + 1);
  if (from >= to) return 0;

  const exactStmt = db.prepare(`SELECT count(*) FROM ${rowsInTimeSql}${filterSql}`).pluck();
  const rolledStmt = db.prepare(`SELECT coalesce(sum(n), 0) FROM ${rollup} WHERE grain = ? AND bucket >= ? AND bucket < ?${filterSql}`).pluck();
  const exact = (a: number, b: number) => exactStmt.get(a, b, a, b, ...values) as number;
  const rolled = (grain: Grain, a: number, b: number) => rolledStmt.get(grain, a, b, ...values) as number;

  let total = 0;
  // rollups still count rows retention deleted; below its cutoff only the raw rows are the truth
  const marks = pruneMarks(db, now);
  if (from < marks.rowsCutoff) {
    const edge = Math.min(to, marks.rowsCutoff);
    total += exact(from, edge);
    from = edge;
  }

  const coarseFirst = [...grains].reverse();
  const kept = marks.keptFrom;
  const split = (a: number, b: number): number => {
    if (a >= b) return 0;
    for (const grain of coarseFirst) {
      const size = grainMs[grain];
      const start = Math.max(floorTo(a + size - 1, size), kept(grain));
      const end = floorTo(b, size);
      if (start < end) return split(a, start) + rolled(grain, start, end) + split(end, b);
    }
    return exact(a, b);
  };
  return total + split(from, to);
}
