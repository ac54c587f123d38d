import type { ErasureProof } from '../../../shared/contract/compliance';
import { mappedTables } from './data-map';
import type { ErasureLedger } from './erasure-ledger';
import { localSubjectOps } from './local-subject';
import { remoteSubjectOps } from './remote-subject';
import { deleteStripeCustomers, readStripeSubject } from './stripe-subject';
import { emailHash, type SubjectKeys } from './subject-keys';
import { subjectTables, type SubjectOps, type TableErasure } from './subject-ops';
import type { Skipped, SubjectSources } from './subject-sources';

async function countAll(ops: SubjectOps, store: 'local' | 'remote', keys: SubjectKeys, counts: Record<string, number>): Promise<void> {
  for (const entry of subjectTables(mappedTables(store))) counts[`${store}:${entry.table}`] = await ops.count(entry, keys);
}

/**
 * The proof: every mapped table of both stores, and Stripe's customers by email, counted for
 * the person. It passes only when every count is 0 and every configured store was checked.
 */
export async function proveErased(src: SubjectSources, keys: SubjectKeys, now: number, done: Omit<ErasureProof, 'passed' | 'checkedAt' | 'counts' | 'skipped'>): Promise<ErasureProof> {
  const counts: Record<string, number> = {};
  const skipped: Skipped[] = [];
  await countAll(localSubjectOps(src.db), 'local', keys, counts);
  if (src.remote.configured) await countAll(remoteSubjectOps(src.remote), 'remote', keys, counts);
  else skipped.push({ store: 'remote', reason: 'no remote Postgres is configured (database.url)' });
  const client = src.stripe();
  if (typeof client === 'string') skipped.push({ store: 'stripe', reason: client });
  else counts['stripe:customers'] = (await readStripeSubject(client, keys.email)).customers.length;
  const passed = Object.values(counts).every((n) => n === 0);
  return { passed, checkedAt: now, counts, skipped, ...done };
}

function byRule(done: readonly TableErasure[], rule: TableErasure['rule']) {
  return done.filter((d) => d.rule === rule && d.rows > 0).map(({ table, rows }) => ({ table, rows }));
}

/**
 * Erases the person everywhere the data map says, in an order a retry can finish: the ledger
 * entry first (so a restore re-applies it even if this stops midway), Stripe's customers, the
 * shared Postgres (one transaction), the local store (one transaction); then the proof.
 */
export async function eraseSubject(src: SubjectSources, ledger: ErasureLedger, keys: SubjectKeys, requestId: string, now: number): Promise<ErasureProof> {
  const hash = emailHash(keys.email);
  ledger.add({ hash, customerIds: keys.customerIds, requestId, at: now });
  const client = src.stripe();
  const stripeDeleted = typeof client === 'string' || keys.customerIds.length === 0 ? [] : await deleteStripeCustomers(client, keys.customerIds);
  const done: TableErasure[] = [];
  if (src.remote.configured) done.push(...(await remoteSubjectOps(src.remote).erase(subjectTables(mappedTables('remote')), keys, hash)).map((d) => ({ ...d, table: `remote:${d.table}` })));
  done.push(...(await localSubjectOps(src.db).erase(subjectTables(mappedTables('local')), keys, hash)).map((d) => ({ ...d, table: `local:${d.table}` })));
  return proveErased(src, keys, now, { deleted: byRule(done, 'delete'), anonymised: byRule(done, 'anonymise'), legalHolds: byRule(done, 'legal-hold'), stripeCustomersDeleted: stripeDeleted.length });
}
