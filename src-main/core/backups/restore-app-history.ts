import Database from 'better-sqlite3';

/** The rows of a restore that must outlive the swap: its approval, its audit rows, the operation history with its two operations. */
export interface RestoreRecord {
  approvalId: string | null;
  /** The restore operation (still `running` in the live database). */
  restoreOperation: string;
}

/** How the restore operation ends, written where the history will be read after the restart. */
export interface RestoreEnd {
  status: 'succeeded' | 'failed';
  snapshotId: string | null;
  error: string | null;
  log: string;
  at: number;
}

/**
 * The restored database is the snapshot's, so it knows nothing of the restore itself. Before it
 * becomes the live one, the restore's rows are copied into it from the live database (attached
 * read-only): the approval with its outcome, the audit rows of that approval, and the whole
 * operation history (the restore and pre-restore operations with it); then the restore
 * operation is finished there. The signed-in browser
 * sessions are the live ones (a browser that approved stays signed in). Both files are at this
 * build's schema (the restored one was migrated), so the columns match by name.
 */
export function carryRestoreRecord(staged: string, live: string, record: RestoreRecord, end: RestoreEnd): void {
  const db = new Database(staged);
  try {
    db.prepare('ATTACH DATABASE ? AS live').run(live);
    // every operation the restored copy has is also in the live history (which only grows)
    db.transaction(() => {
      // the history is the repositories', not the app's state: kept whole, so the backup that made
      // the snapshot (still running in the snapshot's own copy) reads as it ended
      copy(db, 'backup_operations', '1 = 1', []);
      if (record.approvalId !== null) {
        copy(db, 'approvals', 'id = ?', [record.approvalId]);
        const audit = columns(db, 'workflow_audit').filter((c) => c !== 'id');
        db.prepare(`DELETE FROM main.workflow_audit WHERE approval_id = ?`).run(record.approvalId);
        db.prepare(`INSERT INTO main.workflow_audit (${audit.join(', ')}) SELECT ${audit.join(', ')} FROM live.workflow_audit WHERE approval_id = ? ORDER BY id`).run(record.approvalId);
      }
      finishRestore(db, 'main', record.restoreOperation, end);
      // who is signed in is today's fact, not data to roll back: the browser that approved stays in
      const sessions = columns(db, 'browser_sessions').join(', ');
      db.prepare('DELETE FROM main.browser_sessions').run();
      db.prepare(`INSERT INTO main.browser_sessions (${sessions}) SELECT ${sessions} FROM live.browser_sessions`).run();
    })();
    db.prepare('DETACH DATABASE live').run();
  } finally {
    db.close();
  }
}

function finishRestore(db: Database.Database, schema: string, id: string, end: RestoreEnd): void {
  db.prepare(
    `UPDATE ${schema}.backup_operations SET status = @status, finished_at = @at, duration_ms = @at - started_at, snapshot_id = @snapshotId, error = @error, log = @log WHERE id = @id AND status = 'running'`,
  ).run({ id, ...end });
}

function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM main.pragma_table_info(?)`).all(table) as Array<{ name: string }>).map((c) => c.name);
}

function copy(db: Database.Database, table: string, where: string, params: unknown[]): void {
  const names = columns(db, table).join(', ');
  db.prepare(`INSERT OR REPLACE INTO main.${table} (${names}) SELECT ${names} FROM live.${table} WHERE ${where}`).run(...params);
}

/**
 * The swap failed after the approval's outcome said the data was restored: with the core closed,
 * the live database (the one that stays) gets the truth, the restore row failed and the
 * approval's outcome saying why, so a founder's yes is never misreported.
 */
export function recordFailedSwap(live: string, record: RestoreRecord, end: RestoreEnd): void {
  const db = new Database(live);
  try {
    db.transaction(() => {
      finishRestore(db, 'main', record.restoreOperation, end);
      if (record.approvalId !== null) {
        db.prepare('UPDATE approvals SET outcome = ? WHERE id = ?').run(JSON.stringify({ ok: false, result: 'bad', message: `not restored: ${end.error ?? 'the swap failed'}`, at: end.at }), record.approvalId);
      }
    })();
  } finally {
    db.close();
  }
}
