import { performance } from 'node:perf_hooks';

/** How many pages the next step of an online backup copies, given the step just made. */
export type BackupPace = (progress: { remainingPages: number }) => number;

/** The share of a busy event loop the copy may take: the rest stays with ingest and workflows. */
const busyShare = 0.2;
const minPages = 16;
const maxPages = 4096;
/** Less than this between two steps (ms): nothing else wanted the event loop. */
const idleGapMs = 0.5;

/**
 * The pace of the app-data snapshot (SQLite online backup, better-sqlite3's db.backup: one step,
 * then the event loop, then the next). Each step is timed, and so is the work that ran between
 * two steps. While other work waits (ingest, workflows, requests), steps shrink until the copy
 * takes about a fifth of the loop; when nothing else runs, they grow to 16 MB and the copy
 * goes at full speed. Fixed 4 MB steps took 9–17 ms each on the 2-core build machine and cut
 * ingest to 0.35× of its rate while a 1 GB database was copied (bench "backup snapshot under ingest").
 *
 * SQLite starts a backup over when another connection (another process: the CLI beside
 * `levqor serve`) writes between its steps. After a few such restarts the rest is copied in one
 * step, which in WAL mode holds only a read snapshot: writers go on, and the backup ends.
 */
export function backupPace(): BackupPace {
  let remaining = Number.POSITIVE_INFINITY;
  let restarts = 0;
  let pages = 256;
  let handedBackAt: number | undefined;
  let stepStartedAt = 0;
  return (progress) => {
    const now = performance.now();
    if (progress.remainingPages > remaining) restarts++;
    remaining = progress.remainingPages;
    if (restarts >= 3) return 0x7fffffff;
    if (handedBackAt !== undefined) {
      const between = stepStartedAt - handedBackAt;
      const step = Math.max(now - stepStartedAt, 0.05);
      const wanted = between > idleGapMs ? (pages * between * busyShare) / ((1 - busyShare) * step) : pages * 2;
      pages = Math.round(Math.min(maxPages, Math.max(minPages, pages / 2, Math.min(pages * 2, wanted))));
    }
    // queued before db.backup queues its next step, so it runs just before it: that step's start
    setImmediate(() => (stepStartedAt = performance.now()));
    handedBackAt = performance.now();
    return pages;
  };
}
