import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/open';
import { appVersion } from '../../../shared/version';

/** What `restic backup` is given for the app's own data. */
export interface AppDataPaths {
  /** The staging folder (the database snapshot and a manifest); remove it when the backup ends. */
  staging: string;
  /** Every path to back up: the staging folder, then the products folder when there is one. */
  paths: string[];
}

/**
 * Pages copied per step: 1 MB (a millisecond or two), then the event loop runs, so this process's
 * ingest and workflows go on at most of their pace. 4 MB steps took 9–17 ms on the 2-core build
 * machine and cut ingest to 0.35× of its rate while a 1 GB database was copied (bench
 * "backup snapshot under ingest").
 */
const pagesPerStep = 256;

/**
 * SQLite starts a backup over when another connection (another process: the CLI beside
 * `levqor serve`) writes between its steps. After a few such restarts the rest is copied in one
 * step, which in WAL mode holds only a read snapshot: writers go on, and the backup ends.
 */
function backupPace(): (progress: { remainingPages: number }) => number {
  let remaining = Number.POSITIVE_INFINITY;
  let restarts = 0;
  return (progress) => {
    if (progress.remainingPages > remaining) restarts++;
    remaining = progress.remainingPages;
    return restarts >= 3 ? 0x7fffffff : pagesPerStep;
  };
}

/**
 * The app's own data made ready for restic. The database is copied with SQLite's online
 * backup API (better-sqlite3's db.backup): a consistent snapshot while workflows and ingest
 * keep writing, never a copy of the live file (which WAL mode leaves mid-transaction). The
 * settings and the secrets live in that database, so they travel with it, the secrets still
 * encrypted (the key, secret.key or LEVQOR_SECRET_KEY, is not in the snapshot). The products
 * folder is handed to restic where it is, not copied: restic reads only what changed.
 */
export async function stageAppData(db: Db, staging: string, productsDir: string, now: number): Promise<AppDataPaths> {
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  await db.backup(join(staging, 'levqor.db'), { progress: backupPace() });
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  const products = existsSync(productsDir) && statSync(productsDir).isDirectory() ? productsDir : undefined;
  const manifest = {
    app: 'levqor-x-control-center',
    appVersion,
    schemaVersion,
    takenAt: new Date(now).toISOString(),
    database: 'levqor.db (SQLite online backup: settings, secrets still encrypted, workflows, runs, telemetry…)',
    productsDir: products ?? null,
    notIncluded: 'the secret key (secret.key or LEVQOR_SECRET_KEY): keep it apart from the backups; without it the stored secrets cannot be read after a restore',
  };
  writeFileSync(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { staging, paths: products ? [staging, products] : [staging] };
}
