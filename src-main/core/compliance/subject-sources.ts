import type Stripe from 'stripe';
import type { Db } from '../db/open';
import type { RemoteDb } from '../remote';
import { mappedTables } from './data-map';
import { localSubjectOps } from './local-subject';
import { remoteSubjectOps } from './remote-subject';
import { readStripeSubject, type StripeSubject } from './stripe-subject';
import { emailHash, normaliseEmail, type SubjectKeys } from './subject-keys';
import { subjectTables, type SubjectOps } from './subject-ops';

/** Where a person's data is: the local store always; the shared Postgres and Stripe when configured. */
export interface SubjectSources {
  db: Db;
  remote: RemoteDb;
  /** The Stripe client for the stored key, or why there is none (no key set). */
  stripe(): Stripe | string;
}

/** A source that could not be read, and why, in the founder's words. */
export interface Skipped {
  store: string;
  reason: string;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export interface Found {
  keys: SubjectKeys;
  local: Record<string, Record<string, unknown>[]>;
  remote: Record<string, Record<string, unknown>[]> | null;
  stripe: StripeSubject | null;
  skipped: Skipped[];
}

async function rowsByTable(ops: SubjectOps, store: 'local' | 'remote', keys: SubjectKeys): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const entry of subjectTables(mappedTables(store))) {
    const rows = await ops.find(entry, keys);
    if (rows.length > 0) out[entry.table] = rows;
  }
  return out;
}

function idsOf(rows: Record<string, Record<string, unknown>[]>, tables: readonly string[], column: string): string[] {
  return tables.flatMap((t) => (rows[t] ?? []).map((r) => r[column])).filter((v): v is string => typeof v === 'string' && v !== '');
}

/**
 * Everything about the person: their Stripe customers first (by email), then every mapped table
 * of both stores by email, customer ids and pipeline item ids. Two passes over the stores, so ids
 * found in one (a lead's customer id) find rows in the other.
 */
export async function findSubject(src: SubjectSources, rawEmail: string): Promise<Found> {
  const email = normaliseEmail(rawEmail);
  const skipped: Skipped[] = [];
  const client = src.stripe();
  let stripe: StripeSubject | null = null;
  if (typeof client === 'string') skipped.push({ store: 'stripe', reason: client });
  else {
    try {
      stripe = await readStripeSubject(client, email);
    } catch (err) {
      skipped.push({ store: 'stripe', reason: errorText(err) });
    }
  }
  const keys: SubjectKeys = { email, customerIds: (stripe?.customers ?? []).map((c) => c.id), itemIds: [] };
  const local = localSubjectOps(src.db);
  const remote = src.remote.configured ? remoteSubjectOps(src.remote) : undefined;
  if (!remote) skipped.push({ store: 'remote', reason: 'no remote Postgres is configured (database.url)' });
  let found = { local: {} as Record<string, Record<string, unknown>[]>, remote: null as Record<string, Record<string, unknown>[]> | null };
  for (let pass = 0; pass < 3; pass++) {
    found.local = await rowsByTable(local, 'local', keys);
    if (remote && !skipped.some((s) => s.store === 'remote')) {
      try {
        found.remote = await rowsByTable(remote, 'remote', keys);
      } catch (err) {
        skipped.push({ store: 'remote', reason: errorText(err) });
        found = { ...found, remote: null };
      }
    }
    const customers = new Set([...keys.customerIds, ...idsOf(found.local, ['pipeline_items'], 'stripe_customer_id'), ...idsOf(found.local, ['stripe_customers'], 'id'), ...idsOf(found.remote ?? {}, ['sales_leads', 'dfy_requests'], 'stripe_customer_id')]);
    const items = new Set([...idsOf(found.local, ['pipeline_items'], 'id'), ...idsOf(found.remote ?? {}, ['sales_leads', 'dfy_requests'], 'id')]);
    const grew = customers.size > keys.customerIds.length || items.size > keys.itemIds.length;
    keys.customerIds = [...customers];
    keys.itemIds = [...items];
    if (!grew) break;
  }
  return { keys, local: found.local, remote: found.remote, stripe, skipped };
}

export function hashOf(found: Found): string {
  return emailHash(found.keys.email);
}
