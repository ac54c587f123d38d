import type { Db } from '../db/open';
import { grainKeepMs } from './rollup-read';
import { grainMs, type Grain } from './rollups';
import { floorTo } from './row';

/**
 * What retention has removed, for readers that trust the rollups (the row count, the level
 * skip): `prune.cutoff`, the newest time below which raw rows were deleted (rollups still count
 * them), and `prune.at`, the latest prune (rollups older than their keep before it are gone).
 * Both only move forward, so a clock set back never makes a reader trust what was deleted.
 */
const cutoffKey = 'prune.cutoff';
const atKey = 'prune.at';

/** Called before a prune deletes anything, so one cut short leaves no reader trusting gone data. */
export function recordPrune(db: Db, cutoff: number, now: number): void {
  const raise = db.prepare(
    `INSERT INTO telemetry_sync_state (key, value) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value = CASE WHEN CAST(value AS INTEGER) < CAST(excluded.value AS INTEGER) THEN excluded.value ELSE value END`,
  );
  raise.run(cutoffKey, String(cutoff));
  raise.run(atKey, String(now));
}

export interface PruneMarks {
  /** Raw rows below this may have been deleted while their rollups remain. */
  rowsCutoff: number;
  /** The first bucket of a grain that is surely still there. */
  keptFrom(grain: Grain): number;
}

export function pruneMarks(db: Db, now: number): PruneMarks {
  const read = db.prepare('SELECT value FROM telemetry_sync_state WHERE key = ?').pluck();
  const cutoff = read.get(cutoffKey) as string | undefined;
  const at = Math.max(now, Number(read.get(atKey) ?? now));
  return {
    rowsCutoff: cutoff === undefined ? Number.NEGATIVE_INFINITY : Number(cutoff),
    keptFrom: (grain) => floorTo(at, grainMs[grain]) - grainKeepMs[grain],
  };
}
