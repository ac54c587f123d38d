import type { Db } from '../db/open';
import type { RowQuery } from './query';
import { rowFilter } from './row-filter';
import { pruneMarks } from './prune-marks';
import { grainMs, grains, type Grain } from './rollups';
import { floorTo } from './row';

/** A COUNT over raw rows stops after this many matches; the answer then says "at least". */
export const countCap = 100_000;

export interface RowCount {
  total: number;
  /** true: at least `total` rows match (the count stopped at the cap). */
  capped: boolean;
}

type CountFilters = Omit<RowQuery, 'limit' | 'cursor'>;

/**
 * How many rows match a query's filters. Time and level filters alone are answered from the
 * level rollups (whole days, hours and minutes) plus exact counts of the partial buckets at the
 * edges, so "all 5 million rows" costs a few index reads. Any other filter needs the raw rows:
 * a COUNT that stops at `cap`.
 */
export function countRows(db: Db, q: CountFilters, now: number, cap: number = countCap): RowCount {
  if (q.source === undefined && q.endpoint === undefined && q.fingerprint === undefined && q.text === undefined) {
    return { total: countFromRollups(db, q, now), capped: false };
  }
  const { where, params } = rowFilter(q);
  const n = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM telemetry_logs WHERE ${where.join(' AND ')} LIMIT ?)`).pluck().get(...params, cap + 1) as number;
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false };
}

function countFromRollups(db: Db, q: CountFilters, now: number): number {
  const levels = q.levels && q.levels.length > 0 ? q.levels : [];
  const levelSql = levels.length > 0 ? ` AND level IN (${levels.map(() => '?').join(', ')})` : '';
  const oldest = db.prepare('SELECT min(ts) FROM telemetry_logs').pluck().get() as number | null;
  if (oldest === null) return 0;
  const newest = db.prepare('SELECT max(ts) FROM telemetry_logs').pluck().get() as number;
  let from = Math.max(q.from ?? oldest, oldest);
  const to = Math.min(q.to ?? newest + 1, newest + 1);
  if (from >= to) return 0;

  const exactStmt = db.prepare(`SELECT count(*) FROM telemetry_logs WHERE ts >= ? AND ts < ?${levelSql}`).pluck();
  const rolledStmt = db.prepare(`SELECT coalesce(sum(n), 0) FROM telemetry_rollup_levels WHERE grain = ? AND bucket >= ? AND bucket < ?${levelSql}`).pluck();
  const exact = (a: number, b: number) => exactStmt.get(a, b, ...levels) as number;
  const rolled = (grain: Grain, a: number, b: number) => rolledStmt.get(grain, a, b, ...levels) as number;

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
