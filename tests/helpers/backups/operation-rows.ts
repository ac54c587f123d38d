import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** Whether a process is alive (kill -0). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** One row of the app's database, read beside the app (WAL lets it). */
export function row<T>(data: string, sql: string, ...params: unknown[]): T | undefined {
  const db = new Database(join(data, 'levqor.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get(...params) as T | undefined;
  } finally {
    db.close();
  }
}

/** The restic of the running operation of that kind, as the app recorded it. */
export const runningRestic = (data: string, kind = 'backup') => row<{ child_pid: number | null }>(data, "SELECT child_pid FROM backup_operations WHERE kind = ? AND status = 'running'", kind)?.child_pid ?? undefined;
export const logOf = (data: string, id: string) => row<{ log: string }>(data, 'SELECT log FROM backup_operations WHERE id = ?', id)?.log;

// a lock is written to ID-tmp-N first, then renamed: only a renamed one is a lock
export const lockFiles = (repo: string) => readdirSync(join(repo, 'locks')).filter((f) => /^[0-9a-f]{64}$/.test(f));
