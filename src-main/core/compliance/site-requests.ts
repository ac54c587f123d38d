import type { RemoteDb } from '../remote';
import type { RequestStore } from './request-store';

export interface SiteRequestRow {
  txid: string;
  seq: string;
  id: string;
  created_ms: string;
  email: string;
  kind: 'export' | 'erase' | 'do-not-sell';
  law: 'gdpr' | 'ccpa';
}

const cursorKey = 'site.cursor';

/**
 * The site's rows after the cursor, read the way the pipeline pulls leads (revenue/pipeline/
 * remote-items.ts): in (txid, seq) order and only rows of transactions older than every one still
 * running, so a request committed late is never skipped. `file` is called per row; a row filed
 * before (its id is the local row's site_id) is ignored there.
 */
export async function pullSiteRequests(remote: RemoteDb, store: RequestStore, file: (row: SiteRequestRow) => Promise<unknown>, pageSize = 500): Promise<number> {
  let filed = 0;
  for (;;) {
    const [txid = '0', seq = '0'] = (store.state(cursorKey) ?? '0:0').split(':');
    const page = await remote.run('compliance pull', async (pool) =>
      (
        await pool.query<SiteRequestRow>(
          `SELECT txid::text AS txid, seq::text AS seq, id::text AS id, (extract(epoch FROM created_at) * 1000)::bigint::text AS created_ms, email, kind, law
           FROM subject_requests WHERE status = 'new' AND (txid, seq) > ($1::xid8, $2::bigint) AND txid < pg_snapshot_xmin(pg_current_snapshot())
           ORDER BY txid, seq LIMIT $3`,
          [txid, seq, pageSize],
        )
      ).rows,
    );
    if (page.length === 0) return filed;
    for (const row of page) {
      await file(row);
      filed++;
    }
    const last = page.at(-1)!;
    store.setState(cursorKey, `${last.txid}:${last.seq}`);
  }
}

/** Tells the site where a request stands (received, answered, rejected); the site shows it to the person. */
export async function writeSiteStatus(remote: RemoteDb, siteId: string, status: 'received' | 'answered' | 'rejected'): Promise<void> {
  await remote.run('compliance status', (pool) => pool.query('UPDATE subject_requests SET status = $2 WHERE id = $1::uuid AND status <> $2', [siteId, status]));
}
