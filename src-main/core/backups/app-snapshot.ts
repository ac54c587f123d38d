import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/open';
import { appVersion } from '../../../shared/version';
import { backupPace } from './snapshot-pace';

/** What `restic backup` is given for the app's own data. */
export interface AppDataPaths {
  /** The staging folder (the database snapshot and a manifest); remove it when the backup ends. */
  staging: string;
  /** Every path to back up: the staging folder, then the products folder when there is one. */
  paths: string[];
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
