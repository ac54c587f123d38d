import type pg from 'pg';
import type { RemoteDb } from '../remote';
import type { DataMapEntry } from './data-map-types';
import { anonymisedValues } from './scrub';
import type { SubjectKeys } from './subject-keys';
import type { SubjectOps, TableErasure } from './subject-ops';
import { postgresDialect, subjectWhere } from './subject-where';

/** Every column as text (jsonb, uuid, timestamps), so the export and the scrub read what was stored. */
async function textColumns(client: pg.Pool | pg.PoolClient, table: string): Promise<string> {
  const { rows } = await client.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position", [table]);
  return rows.map((r) => `"${r.column_name}"::text AS "${r.column_name}"`).join(', ');
}

/** The person's rows in the shared Postgres; an erasure is one transaction. */
export function remoteSubjectOps(remote: RemoteDb): SubjectOps {
  const where = (entry: DataMapEntry, keys: SubjectKeys) => subjectWhere(entry.subject ?? {}, keys, postgresDialect);
  const eraseOne = async (client: pg.PoolClient, entry: DataMapEntry, keys: SubjectKeys, hash: string): Promise<number> => {
    const w = where(entry, keys);
    if (!w) return 0;
    if (entry.erasure === 'delete') return (await client.query(`DELETE FROM "${entry.table}" WHERE ${w.sql}`, w.params)).rowCount ?? 0;
    const found = (await client.query<Record<string, unknown>>(`SELECT ctid::text AS ctid__, ${await textColumns(client, entry.table)} FROM "${entry.table}" WHERE ${w.sql}`, w.params)).rows;
    for (const row of found) {
      const values = anonymisedValues(row, entry.subject ?? {}, entry.wipe ?? [], keys, hash);
      const cols = Object.keys(values);
      if (cols.length === 0) continue;
      await client.query(`UPDATE "${entry.table}" SET ${cols.map((c, i) => `"${c}" = $${i + 1}`).join(', ')} WHERE ctid = $${cols.length + 1}::tid`, [...cols.map((c) => values[c]), row.ctid__]);
    }
    return found.length;
  };
  return {
    find: async (entry, keys) => {
      const w = where(entry, keys);
      if (!w) return [];
      return remote.run('compliance find', async (pool) => (await pool.query<Record<string, unknown>>(`SELECT ${await textColumns(pool, entry.table)} FROM "${entry.table}" WHERE ${w.sql}`, w.params)).rows);
    },
    count: async (entry, keys) => {
      const w = where(entry, keys);
      if (!w) return 0;
      return remote.run('compliance proof', async (pool) => Number((await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${entry.table}" WHERE ${w.sql}`, w.params)).rows[0]?.n ?? 0));
    },
    erase: (entries, keys, hash) =>
      remote.transaction('compliance erase', async (client) => {
        const out: TableErasure[] = [];
        for (const e of entries) out.push({ table: e.table, rule: e.erasure, rows: await eraseOne(client, e, keys, hash) });
        return out;
      }),
  };
}
