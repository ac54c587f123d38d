import type { Db } from '../db/open';
import type { RemoteDb } from '../remote';

/** The tables of the migrated local store. */
export function localTables(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

/** The tables of the shared Postgres's public schema (migrated on connect). */
export async function remoteTables(remote: RemoteDb): Promise<string[]> {
  return remote.run('compliance tables', async (pool) => (await pool.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")).rows.map((r) => r.table_name));
}
