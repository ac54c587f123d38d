import type { BackupOperation, BackupOperationDetail, OperationKind, OperationStatus } from '../../../shared/contract/backup';
import type { Db } from '../db/open';
import { uuidv7 } from '../ids';
import { isOwnerGone } from '../process-owner';
import { stopOrphanedRestic } from './orphan';

/** How an operation ended. */
export interface Finish {
  status: Exclude<OperationStatus, 'running'>;
  error?: string | null;
  bytes?: number | null;
  files?: number | null;
  bytesAdded?: number | null;
  snapshotId?: string | null;
  log: string;
}

/** What an operation's work hands back: its value, restic's kept log, and the figures for its row. */
export interface Done<T> {
  value: T;
  log: string;
  end?: Omit<Finish, 'status' | 'log'> & { status?: Finish['status'] };
}

/** The columns under the names the contract gives them, so a row is a BackupOperation as it is read. */
export const operationColumns = `id, plan_id AS planId, plan_name AS plan, kind, status, started_at AS startedAt, finished_at AS finishedAt, duration_ms AS durationMs,
  bytes, files, bytes_added AS bytesAdded, snapshot_id AS snapshotId, error, restic_version AS resticVersion`;

/** A running operation, the process that runs it, and its restic. */
interface Owned {
  id: string;
  owner: string | null;
  child_pid: number | null;
}

/** The backup_operations table (migrations 0017, 0018): one row per init, backup, forget, check and restore. */
export class OperationStore {
  constructor(private readonly db: Db) {}

  start(plan: { id: string; name: string }, kind: OperationKind, owner: string, resticVersion: string | null, now: number): BackupOperation {
    const id = uuidv7(now);
    this.db
      .prepare(`INSERT INTO backup_operations (id, plan_id, plan_name, kind, status, owner, started_at, restic_version) VALUES (?, ?, ?, ?, 'running', ?, ?, ?)`)
      .run(id, plan.id, plan.name, kind, owner, now, resticVersion);
    return this.get(id)!;
  }

  /** Records the end of a running operation; one that already ended (marked interrupted by another process) keeps its end. */
  finish(id: string, end: Finish, now: number): BackupOperation {
    this.db
      .prepare(
        `UPDATE backup_operations SET status = @status, finished_at = @now, duration_ms = @now - started_at, error = @error, bytes = @bytes, files = @files,
           bytes_added = @bytesAdded, snapshot_id = @snapshotId, log = @log WHERE id = @id AND status = 'running'`,
      )
      .run({ id, now, status: end.status, error: end.error ?? null, bytes: end.bytes ?? null, files: end.files ?? null, bytesAdded: end.bytesAdded ?? null, snapshotId: end.snapshotId ?? null, log: end.log });
    return this.get(id)!;
  }

  get(id: string): BackupOperation | undefined {
    return this.db.prepare(`SELECT ${operationColumns} FROM backup_operations WHERE id = ?`).get(id) as BackupOperation | undefined;
  }

  detail(id: string): BackupOperationDetail | undefined {
    return this.db.prepare(`SELECT ${operationColumns}, log FROM backup_operations WHERE id = ?`).get(id) as BackupOperationDetail | undefined;
  }

  /** The backup that made a snapshot, if this history has it. */
  bySnapshot(snapshot: { id: string; shortId: string }): BackupOperation | undefined {
    return this.db.prepare(`SELECT ${operationColumns} FROM backup_operations WHERE snapshot_id IN (?, ?) AND kind = 'backup' LIMIT 1`).get(snapshot.id, snapshot.shortId) as BackupOperation | undefined;
  }

  /** Whether any operation of the kind is still running (in any process). */
  anyRunning(kind: OperationKind): boolean {
    return this.db.prepare(`SELECT 1 FROM backup_operations WHERE kind = ? AND status = 'running' LIMIT 1`).get(kind) !== undefined;
  }

  /** Newest first. */
  list(query: { planName?: string | undefined; limit: number }): BackupOperation[] {
    return (
      query.planName === undefined
        ? this.db.prepare(`SELECT ${operationColumns} FROM backup_operations ORDER BY started_at DESC, id DESC LIMIT ?`).all(query.limit)
        : this.db.prepare(`SELECT ${operationColumns} FROM backup_operations WHERE plan_name = ? ORDER BY started_at DESC, id DESC LIMIT ?`).all(query.planName, query.limit)
    ) as BackupOperation[];
  }

  /** The restic an operation runs now (each call of an operation replaces the one before). */
  setChildPid(id: string, pid: number): void {
    this.db.prepare('UPDATE backup_operations SET child_pid = ? WHERE id = ?').run(pid, id);
  }

  /** Whether the plan's operation before `id` was interrupted (its restic may have left a stale lock). */
  followsInterruption(planId: string, id: string): boolean {
    const before = this.db.prepare('SELECT status FROM backup_operations WHERE plan_id = ? AND id != ? ORDER BY started_at DESC, id DESC LIMIT 1').get(planId, id) as { status: OperationStatus } | undefined;
    return before?.status === 'interrupted';
  }

  /** A running operation of this plan and kind whose process is still alive, if any. */
  runningFor(planId: string, kind: OperationKind, now: number): BackupOperation | undefined {
    const rows = this.db.prepare(`SELECT ${operationColumns}, owner FROM backup_operations WHERE status = 'running' AND plan_id = ? AND kind = ?`).all(planId, kind) as Owned[];
    const live = rows.find((r) => !isOwnerGone(r.owner, null, now));
    return live ? this.get(live.id) : undefined;
  }

  /**
   * Operations left `running` by a process that is gone (killed, crashed, closed without
   * finishing them) become `interrupted`, and a restic of theirs still running is asked to stop;
   * ones another live process is running are left alone.
   */
  markInterrupted(now: number): BackupOperation[] {
    const rows = this.db.prepare(`SELECT id, owner, child_pid FROM backup_operations WHERE status = 'running'`).all() as Owned[];
    const gone = rows.filter((r) => isOwnerGone(r.owner, null, now));
    for (const r of gone) stopOrphanedRestic(r.owner, r.child_pid);
    const mark = this.db.prepare(
      `UPDATE backup_operations SET status = 'interrupted', finished_at = ?, duration_ms = ? - started_at, error = ? WHERE id = ? AND status = 'running'`,
    );
    this.db.transaction(() => {
      for (const r of gone) mark.run(now, now, 'the process running it ended before it finished (killed, crashed or closed)', r.id);
    })();
    return gone.map((r) => this.get(r.id)!);
  }
}
