import type { Db } from '../db/open';
import type { RemoteDb } from '../remote';
import type { DataMapEntry } from './data-map-types';
import { mappedTables } from './data-map';
import { emailHash, pseudonyms } from './subject-keys';

const dayMs = 86_400_000;

/** The tables a schedule keeps to their retention period (leads and DFY requests), with the cut-off for each. */
export function retentionTables(now: number): { entry: DataMapEntry; cutoff: number }[] {
  return [...mappedTables('local'), ...mappedTables('remote')].filter((e) => e.retentionDays !== undefined).map((entry) => ({ entry, cutoff: now - entry.retentionDays! * dayMs }));
}

const notYet = "email NOT LIKE '%@erased.invalid'";

/** How many rows are past their retention period and not anonymised yet (local store only: what the approval's preview counts). */
export function overdueLocal(db: Db, now: number): number {
  return retentionTables(now)
    .filter((t) => t.entry.store === 'local')
    .reduce((n, { entry, cutoff }) => n + (db.prepare(`SELECT count(*) AS n FROM "${entry.table}" WHERE created_at < ? AND ${notYet}`).get(cutoff) as { n: number }).n, 0);
}

/**
 * Anonymises every row past its retention period: the address becomes the person's stand-in
 * (so counts per person still hold), the wiped columns NULL. The shared Postgres first (the
 * pipeline's next pull then brings the anonymised rows in), then the local store.
 */
export async function anonymiseExpired(db: Db, remote: RemoteDb, now: number): Promise<number> {
  let changed = 0;
  for (const { entry, cutoff } of retentionTables(now)) {
    const wipe = (entry.wipe ?? []).map((c) => `"${c}" = NULL`).join(', ');
    if (entry.store === 'remote') {
      if (!remote.configured) continue;
      changed += await remote.transaction('compliance retention', async (client) => {
        const { rows } = await client.query<{ id: string; email: string }>(`SELECT id::text AS id, email FROM "${entry.table}" WHERE created_at < to_timestamp($1 / 1000.0) AND ${notYet}`, [cutoff]);
        for (const r of rows) await client.query(`UPDATE "${entry.table}" SET email = $2, ${wipe} WHERE id = $1::uuid`, [r.id, pseudonyms(emailHash(r.email)).email]);
        return rows.length;
      });
    } else {
      const rows = db.prepare(`SELECT rowid AS k, email FROM "${entry.table}" WHERE created_at < ? AND ${notYet}`).all(cutoff) as { k: number; email: string }[];
      const update = db.prepare(`UPDATE "${entry.table}" SET email = ?, ${wipe} WHERE rowid = ?`);
      db.transaction(() => rows.forEach((r) => update.run(pseudonyms(emailHash(r.email)).email, r.k)))();
      changed += rows.length;
    }
  }
  return changed;
}
