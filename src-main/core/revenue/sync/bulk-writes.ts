import type { Db } from '../../db/open';

/**
 * WAL pages written between automatic checkpoints while a full pass stores (SQLite's default is
 * 1,000). Each checkpoint waits for the disk (fsync), and with the default it ran every few
 * pages of invoices: most of a full pass's time went there rather than into the rows. About
 * 40 MB of WAL at most; the normal interval returns when the pass ends.
 */
export const bulkCheckpointPages = 10_000;

/** Runs `work` with checkpoints spaced for a long run of writes, then restores the interval before. */
export async function withBulkWrites<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const before = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma(`wal_autocheckpoint = ${bulkCheckpointPages}`);
  try {
    return await work();
  } finally {
    db.pragma(`wal_autocheckpoint = ${before}`);
  }
}
