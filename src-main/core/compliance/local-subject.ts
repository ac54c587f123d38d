import type { Db } from '../db/open';
import type { DataMapEntry } from './data-map-types';
import { anonymisedValues } from './scrub';
import type { SubjectKeys } from './subject-keys';
import type { SubjectOps, TableErasure } from './subject-ops';
import { sqliteDialect, subjectWhere } from './subject-where';

/** The columns that name a row: its primary key, or rowid for a table without one. */
function rowKey(db: Db, table: string): string[] {
  const pk = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; pk: number }[]).filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  return pk.length > 0 ? pk.map((c) => c.name) : ['rowid'];
}

/** The local store answers at once (better-sqlite3 is synchronous), which the re-applied erasures at open rely on. */
export interface LocalSubjectOps extends SubjectOps {
  find(entry: DataMapEntry, keys: SubjectKeys): Record<string, unknown>[];
  erase(entries: readonly DataMapEntry[], keys: SubjectKeys, hash: string): TableErasure[];
  count(entry: DataMapEntry, keys: SubjectKeys): number;
}

/** The person's rows in the local SQLite store. */
export function localSubjectOps(db: Db): LocalSubjectOps {
  const where = (entry: DataMapEntry, keys: SubjectKeys) => subjectWhere(entry.subject ?? {}, keys, sqliteDialect);
  const rows = (entry: DataMapEntry, keys: SubjectKeys): Record<string, unknown>[] => {
    const w = where(entry, keys);
    return w ? (db.prepare(`SELECT * FROM "${entry.table}" WHERE ${w.sql}`).all(...w.params) as Record<string, unknown>[]) : [];
  };
  const eraseOne = (entry: DataMapEntry, keys: SubjectKeys, hash: string): number => {
    const w = where(entry, keys);
    if (!w) return 0;
    if (entry.erasure === 'delete') return db.prepare(`DELETE FROM "${entry.table}" WHERE ${w.sql}`).run(...w.params).changes;
    const key = rowKey(db, entry.table);
    const found = db.prepare(`SELECT ${key.map((k) => `"${k}"`).join(', ')}, * FROM "${entry.table}" WHERE ${w.sql}`).all(...w.params) as Record<string, unknown>[];
    for (const row of found) {
      const values = anonymisedValues(row, entry.subject ?? {}, entry.wipe ?? [], keys, hash);
      const cols = Object.keys(values);
      if (cols.length === 0) continue;
      db.prepare(`UPDATE "${entry.table}" SET ${cols.map((c) => `"${c}" = ?`).join(', ')} WHERE ${key.map((k) => `"${k}" = ?`).join(' AND ')}`).run(
        ...cols.map((c) => values[c] as string | null),
        ...key.map((k) => row[k] as string | number),
      );
    }
    return found.length;
  };
  return {
    find: (entry, keys) => rows(entry, keys),
    count: (entry, keys) => {
      const w = where(entry, keys);
      return w ? (db.prepare(`SELECT count(*) AS n FROM "${entry.table}" WHERE ${w.sql}`).get(...w.params) as { n: number }).n : 0;
    },
    erase: (entries, keys, hash) => db.transaction((): TableErasure[] => entries.map((e) => ({ table: e.table, rule: e.erasure, rows: eraseOne(e, keys, hash) })))(),
  };
}
