import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { dataMap, dataMapCoverage } from '../../src-main/core/compliance';
import { openDatabase } from '../../src-main/core/db/open';
import { migrate } from '../../src-main/core/db/migrate';
import { migrateRemote } from '../../src-main/core/remote/migrate-remote';
import { usePostgres } from '../helpers/postgres';
import { tempDir } from '../helpers/temp-dir';

const server = usePostgres();

/** The tables and columns of a migrated SQLite file, as the app creates it. */
function localSchema(): Map<string, string[]> {
  const db = openDatabase(join(tempDir(), 'levqor.db'));
  try {
    migrate(db);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
    return new Map(tables.map(({ name }) => [name, (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((c) => c.name)]));
  } finally {
    db.close();
  }
}

let remoteRead: Promise<Map<string, string[]>> | undefined;

/** The tables and columns of a Postgres migrated by the app's remote migrations (made once per file). */
function remoteSchema(): Promise<Map<string, string[]>> {
  remoteRead ??= readRemoteSchema();
  return remoteRead;
}

async function readRemoteSchema(): Promise<Map<string, string[]>> {
  const pool = new pg.Pool({ connectionString: await server.createDatabase('data_map') });
  try {
    const client = await pool.connect();
    await migrateRemote(client).finally(() => client.release());
    const { rows } = await pool.query<{ t: string; c: string }>("SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = 'public' ORDER BY ordinal_position");
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.t, [...(out.get(r.t) ?? []), r.c]);
    return out;
  } finally {
    await pool.end();
  }
}

describe('the compliance data map', () => {
  it('names every table of the migrated local store and the migrated shared Postgres', async () => {
    const local = localSchema();
    const remote = await remoteSchema();
    const coverage = dataMapCoverage({ local: [...local.keys()], remote: [...remote.keys()] });
    // a migration that adds a table fails here by name: add its entry to core/compliance/local-data-map.ts or remote-data-map.ts
    expect(coverage.missing.map((m) => `${m.store}:${m.table}`)).toEqual([]);
    expect(coverage.complete).toBe(true);
  });

  it('names only tables and columns that exist', async () => {
    const schemas = { local: localSchema(), remote: await remoteSchema() };
    const wrong: string[] = [];
    for (const e of dataMap) {
      const columns = schemas[e.store].get(e.table);
      if (!columns) {
        wrong.push(`${e.store}:${e.table} (no such table)`);
        continue;
      }
      const named = [...e.personal, ...(e.wipe ?? []), ...Object.values(e.subject ?? {}).flat()];
      for (const c of named) if (!columns.includes(c)) wrong.push(`${e.store}:${e.table}.${c}`);
    }
    expect(wrong).toEqual([]);
  });

  it('says which table a map leaves out', () => {
    const coverage = dataMapCoverage({ local: ['pipeline_items', 'cost_entries'], remote: ['sales_leads'] });
    expect(coverage).toEqual({ complete: false, missing: [{ store: 'local', table: 'cost_entries' }], tables: 3 });
  });

  it('gives every table with personal data a lawful basis and a retention, and a way to find the person when erasure touches it', () => {
    for (const e of dataMap) {
      expect(e.basis, e.table).not.toBe('');
      expect(e.retention, e.table).not.toBe('');
      if (e.erasure !== 'none') expect(e.subject, `${e.store}:${e.table}`).toBeDefined();
    }
  });
});
