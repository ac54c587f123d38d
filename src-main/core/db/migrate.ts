import { CoreError } from '../errors';
import type { Db } from './open';
import { migrations as defaultMigrations, type Migration } from './migrations';

export interface MigrationResult {
  from: number;
  to: number;
  applied: number[];
}

/**
 * Brings the database to the newest schema this build knows, all pending migrations in one
 * transaction: a failure leaves the file exactly as it was. A file from a newer build is
 * refused rather than guessed at.
 */
export function migrate(db: Db, migrations: readonly Migration[] = defaultMigrations): MigrationResult {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new CoreError(
      'SCHEMA_TOO_NEW',
      `This data dir was written by a newer Levqor X (database schema ${current}; this build knows up to ${latest}). ` +
        'Update the app, or point --data-dir at another folder.',
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return { from: current, to: current, applied: [] };
  db.transaction(() => {
    for (const migration of pending) db.exec(migration.sql);
    db.pragma(`user_version = ${latest}`);
  })();
  return { from: current, to: latest, applied: pending.map((m) => m.version) };
}
