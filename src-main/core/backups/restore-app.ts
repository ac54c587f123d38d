import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupOperation } from '../../../shared/contract/backup';
import { migrate } from '../db/migrate';
import { CoreError } from '../errors';
import { ResticFailure } from './restic/failure';
import type { ResticSnapshot } from './restic/messages';
import type { CallOptions, RepositoryAccess, Restic } from './restic/restic';

/** The tag of the snapshot of the live data taken just before a restore replaces it. */
export const preRestoreTag = 'levqor-pre-restore';

export type { CoreRestart } from '../core-holder';

export interface AppRestoreResult {
  /** The snapshot restored (its full id). */
  snapshot: string;
  /** The snapshot of the data that was live, kept (tagged levqor-pre-restore). */
  preRestore: BackupOperation;
  schema: { from: number; to: number };
  log: string;
}

/** The app's staging folder in an app-data snapshot (run-backup.ts stages the database there). */
export function databaseIn(snapshot: ResticSnapshot): string {
  const staging = snapshot.paths.find((p) => /[/\\]backups[/\\]staging[/\\][^/\\]+$/.test(p));
  if (!staging) throw new CoreError('BAD_INPUT', `snapshot: ${snapshot.short_id} holds no app data (it was made by a plan without the app source)`, 'snapshot');
  return `${staging}/levqor.db`;
}

/** Where a restore stages the snapshot's database: a folder restic restores into, and the copy beside the live one. */
function stagingOf(dataDir: string, shortId: string): { dir: string; file: string } {
  return { dir: join(dataDir, 'backups', 'restore', shortId), file: join(dataDir, 'levqor.db.restored') };
}

/** What a restore killed before its swap left behind (never the live data). */
export function removeStagedRestore(dataDir: string): void {
  const { dir, file } = stagingOf(dataDir, '');
  rmSync(dir, { recursive: true, force: true });
  rmSync(file, { force: true });
}

/**
 * The snapshot's database restored beside the live one (`levqor.db.restored`): restic reads
 * every restored byte back (`--verify`), SQLite's integrity_check must say ok, and the app's
 * migrations bring it to this build's schema. The live data is not touched.
 */
export async function stageRestoredDatabase(call: { restic: Restic; access: RepositoryAccess; control: CallOptions; dataDir: string; snapshot: ResticSnapshot }): Promise<{ file: string; schema: { from: number; to: number }; log: string }> {
  const { restic, access, control, dataDir, snapshot } = call;
  const inSnapshot = databaseIn(snapshot);
  const { dir, file } = stagingOf(dataDir, snapshot.short_id);
  rmSync(dir, { recursive: true, force: true });
  rmSync(file, { force: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    const { log } = await restic.restore(access, snapshot.id, { ...control, target: dir, include: [inSnapshot], verify: true });
    const restored = join(dir, inSnapshot);
    if (!existsSync(restored)) throw new ResticFailure('NOT_FOUND', `snapshot: ${snapshot.short_id} has no levqor.db where the app puts it (${inSnapshot})`, log, 'snapshot');
    renameSync(restored, file);
    const db = new Database(file);
    try {
      const problems = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).filter((r) => r !== 'ok');
      if (problems.length > 0) throw new CoreError('CONFLICT', `snapshot: the database in ${snapshot.short_id} fails SQLite's integrity_check (${problems.slice(0, 3).join('; ')}); nothing was changed`, 'snapshot');
      const migration = migrate(db);
      return { file, schema: { from: migration.from, to: migration.to }, log };
    } finally {
      db.close();
    }
  } catch (err) {
    rmSync(file, { force: true });
    throw err;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Puts the staged database in the live one's place, with the core that had it open closed:
 * one rename, atomic on the one file system. A closed SQLite leaves no -wal or -shm; one left
 * over belongs to the replaced file and would be replayed onto the restored one, so it goes.
 */
export function swapInRestoredDatabase(dataDir: string, staged: string): void {
  const live = join(dataDir, 'levqor.db');
  for (const side of ['-wal', '-shm']) rmSync(`${live}${side}`, { force: true });
  renameSync(staged, live);
}
