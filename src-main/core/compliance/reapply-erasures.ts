import type { Db } from '../db/open';
import { mappedTables } from './data-map';
import type { ErasureLedger } from './erasure-ledger';
import { localSubjectOps } from './local-subject';
import { emailHash, pseudonyms } from './subject-keys';
import { subjectTables } from './subject-ops';

/** Every address in the local tables the map finds people by. */
function localEmails(db: Db): Set<string> {
  const out = new Set<string>();
  for (const entry of mappedTables('local')) {
    for (const column of entry.subject?.email ?? []) {
      for (const r of db.prepare(`SELECT DISTINCT lower("${column}") AS e FROM "${entry.table}" WHERE "${column}" IS NOT NULL`).all() as { e: string }[]) out.add(r.e);
    }
  }
  return out;
}

/**
 * Erases again, in the local store, everyone the ledger lists: after a restore from a snapshot
 * older than an erasure, the restored rows are found by the hash of their address (or by the
 * customer ids the ledger kept) and deleted or anonymised as the map says. Returns how many rows
 * it changed; 0 on a store that is already clean.
 */
export function reapplyErasures(db: Db, ledger: ErasureLedger): number {
  const entries = ledger.entries();
  if (entries.length === 0) return 0;
  const byHash = new Map<string, string>();
  for (const e of localEmails(db)) byHash.set(emailHash(e), e);
  const ops = localSubjectOps(db);
  const tables = subjectTables(mappedTables('local'));
  let changed = 0;
  for (const entry of entries) {
    // with no row left that carries the address, its stand-in finds rows anonymised before
    const email = byHash.get(entry.hash) ?? pseudonyms(entry.hash).email;
    const items = (db.prepare('SELECT id FROM pipeline_items WHERE lower(email) = ?').all(email) as { id: string }[]).map((r) => r.id);
    const keys = { email, customerIds: entry.customerIds, itemIds: items };
    if (tables.every((t) => ops.count(t, keys) === 0)) continue;
    changed += ops.erase(tables, keys, entry.hash).reduce((n, d) => n + d.rows, 0);
  }
  return changed;
}
