import type { Db } from '../../db/open';

/**
 * WAL pages written between automatic checkpoints while a full pass stores (SQLite's default is
 * 1,000). Each checkpoint waits for the disk (fsync), and with the default it ran every few
 * pages of invoices: most of a full pass's time went there rather than into the rows. About
 * 40 MB of WAL at most.
 */
export const bulkCheckpointPages = 10_000;

/** Spaces the checkpoints of a connection that stores a full pass and is closed after it (store-worker.ts). */
export function spaceCheckpoints(db: Db): void {
  db.pragma(`wal_autocheckpoint = ${bulkCheckpointPages}`);
}
