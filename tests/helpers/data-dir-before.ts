import { join } from 'node:path';
import { migrate } from '../../src-main/core/db/migrate';
import { migrations } from '../../src-main/core/db/migrations';
import { openDatabase, type Db } from '../../src-main/core/db/open';
import { tempDir } from './temp-dir';

/**
 * A fresh data dir whose database stands where it stood before migration `version`: every
 * earlier migration applied, none later. Close `db` before a core opens `dir`.
 */
export function dataDirBefore(version: number): { dir: string; db: Db } {
  const dir = tempDir();
  const db = openDatabase(join(dir, 'levqor.db'));
  migrate(db, migrations.filter((m) => m.version < version));
  return { dir, db };
}
