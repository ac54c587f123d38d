import type pg from 'pg';
import { remoteMigrations, type RemoteMigration } from './migrations';

/** Any constant: serialises concurrent app instances migrating the same database. */
const lockKey = 0x1e70_0001;

/**
 * Applies pending remote migrations in one transaction under an advisory lock, so two
 * desktop apps connecting at once never race. Returns the schema version afterwards.
 */
export async function migrateRemote(client: pg.PoolClient, migrations: readonly RemoteMigration[] = remoteMigrations): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
    await client.query(`CREATE TABLE IF NOT EXISTS levqor_schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM levqor_schema_migrations');
    const current = rows[0]?.v ?? 0;
    for (const m of migrations) {
      if (m.version <= current) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO levqor_schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    await client.query('COMMIT');
    return Math.max(current, migrations.at(-1)?.version ?? 0);
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
