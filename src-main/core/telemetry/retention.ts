import type { Db } from '../db/open';
import { recordPrune } from './prune-marks';
import { grainKeepMs } from './rollup-read';
import { day, floorTo, hour, minute } from './row';
import { rowsInTimeSql, tightenBlocks } from './time-blocks';

export interface PruneResult {
  rows: number;
  rollups: number;
  anomalies: number;
  freedPages: number;
}

const chunk = 50_000;

/**
 * Retention: raw rows older than `retentionDays` (all but the newest by seq), rollups past
 * their grain's keep (minute 1 day, hour 30 days, day 365 days), and year-old anomalies and
 * groups go; then an incremental vacuum hands the freed pages back so the file shrinks. Raw
 * rows go in chunks so readers and writers are never blocked for long.
 */
export function prune(db: Db, now: number, retentionDays: number): PruneResult {
  const cutoff = now - retentionDays * day;
  recordPrune(db, cutoff, now);
  // the newest row by seq stays even when it is old: SQLite hands out max(seq) + 1, and a seq
  // given twice would hide the new row from the push cursor and repeat a made id (made-id.ts)
  const deleteRows = db.prepare(
    `DELETE FROM telemetry_logs WHERE seq IN (SELECT t.seq FROM ${rowsInTimeSql} AND t.seq < (SELECT max(seq) FROM telemetry_logs) LIMIT ?)`,
  );
  const from = Number.MIN_SAFE_INTEGER;
  let rows = 0;
  for (;;) {
    const n = deleteRows.run(from, cutoff, from, cutoff, chunk).changes;
    rows += n;
    if (n < chunk) break;
  }
  // every time, not only after deletions here: a prune cut short before this line left bounds wider than their rows
  tightenBlocks(db, cutoff);
  const limits: Array<[string, number]> = [
    ['minute', floorTo(now, minute) - grainKeepMs.minute],
    ['hour', floorTo(now, hour) - grainKeepMs.hour],
    ['day', floorTo(now, day) - grainKeepMs.day],
  ];
  let rollups = 0;
  const anomalies = db.transaction(() => {
    for (const [grain, before] of limits) {
      for (const table of ['telemetry_rollup_levels', 'telemetry_rollup_endpoints', 'telemetry_rollup_fingerprints']) {
        rollups += db.prepare(`DELETE FROM ${table} WHERE grain = ? AND bucket < ?`).run(grain, before).changes;
      }
    }
    db.prepare('DELETE FROM telemetry_groups WHERE last_seen < ?').run(now - grainKeepMs.day);
    return db.prepare('DELETE FROM telemetry_anomalies WHERE last_seen_at < ?').run(now - grainKeepMs.day).changes;
  })();
  const freeBefore = db.pragma('freelist_count', { simple: true }) as number;
  db.pragma('incremental_vacuum');
  const freeAfter = db.pragma('freelist_count', { simple: true }) as number;
  return { rows, rollups, anomalies, freedPages: Math.max(0, freeBefore - freeAfter) };
}
