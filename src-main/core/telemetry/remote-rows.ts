import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import type * as copyStreams from 'pg-copy-streams';
import { lazyPackage } from '../lazy-package';

const loadCopyStreams = lazyPackage<typeof copyStreams>('pg-copy-streams');

/** Columns pushed, in COPY order (ts travels as ms and becomes a timestamptz remotely). */
const pushColumns = 'id, ts_ms, level, source, message, fingerprint, endpoint, method, status, duration_ms, trace_id, meta, node_id';
const remoteColumns = 'id, ts, level, source, message, fingerprint, endpoint, method, status, duration_ms, trace_id, meta, node_id';

/** A local row as pushed, in column order: seq, id, ts, level, source, message, fingerprint, endpoint, method, status, duration_ms, trace_id, meta. */
export type PushRow = [number, string, number, string, string, string, string, string | null, string | null, number | null, number | null, string | null, string | null];

/** Local rows after a seq, as PushRow arrays; `rowId` is rowIdSql (made-id.ts): a made id is read, not stored. */
export function pushSelectSql(rowId: string): string {
  return `SELECT seq, ${rowId} AS id, ts, level, source, message, fingerprint, endpoint, method, status, duration_ms, trace_id, meta FROM telemetry_logs WHERE seq > ? AND origin = 0 ORDER BY seq LIMIT ?`;
}

const special = /[\\\t\n\r]/;

function esc(v: string | number | null): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  return special.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : v;
}

/** COPY text format: tab-separated, \N for null, backslash escapes; ts as given (ms, or ISO text for a timestamptz column). */
export function copyText(rows: readonly PushRow[], nodeId: string, ts: (ms: number) => string | number = (ms) => ms): string {
  const node = esc(nodeId);
  let out = '';
  for (const r of rows) {
    out += `${r[1]}\t${ts(r[2])}\t${r[3]}\t${esc(r[4])}\t${esc(r[5])}\t${esc(r[6])}\t${esc(r[7])}\t${esc(r[8])}\t${esc(r[9])}\t${esc(r[10])}\t${esc(r[11])}\t${esc(r[12])}\t${node}\n`;
  }
  return out;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One push batch, inside the caller's transaction. First a plain COPY into telemetry_logs
 * (the fast path: new rows); if any id is already there (a batch re-sent after a dropped
 * connection, 23505) that COPY is rolled back to its savepoint and the batch goes through a
 * session-local staging table and an upsert on id instead. Either way nothing lands twice.
 */
export async function pushBatch(client: pg.PoolClient, rows: readonly PushRow[], nodeId: string): Promise<number> {
  await client.query('SAVEPOINT levqor_direct');
  try {
    await pipeline(Readable.from([copyText(rows, nodeId, iso)]), client.query(loadCopyStreams().from(`COPY telemetry_logs (${remoteColumns}) FROM STDIN`)));
    await client.query('RELEASE SAVEPOINT levqor_direct');
    return rows.length;
  } catch (err) {
    if ((err as { code?: string }).code !== '23505') throw err;
    await client.query('ROLLBACK TO SAVEPOINT levqor_direct');
  }
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS levqor_push (
    id uuid, ts_ms bigint, level text, source text, message text, fingerprint text, endpoint text, method text,
    status integer, duration_ms double precision, trace_id text, meta jsonb, node_id text) ON COMMIT DELETE ROWS`);
  await pipeline(Readable.from([copyText(rows, nodeId)]), client.query(loadCopyStreams().from(`COPY levqor_push (${pushColumns}) FROM STDIN`)));
  const result = await client.query(`INSERT INTO telemetry_logs (${remoteColumns})
    SELECT id, timestamptz 'epoch' + ts_ms * interval '1 millisecond', level, source, message, fingerprint, endpoint, method, status, duration_ms, trace_id, meta, node_id
    FROM levqor_push ON CONFLICT (id) DO NOTHING`);
  return result.rowCount ?? 0;
}

export interface PulledRow {
  txid: string;
  seq: string;
  marker: boolean;
  id: string | null;
  ts_ms: string | null;
  level: string | null;
  source: string | null;
  message: string | null;
  fingerprint: string | null;
  endpoint: string | null;
  method: string | null;
  status: number | null;
  duration_ms: number | null;
  trace_id: string | null;
  meta: unknown;
}

/**
 * The next page after the cursor, in (txid, seq) order, only rows of transactions older than
 * every running one (so none can still appear behind the cursor). Rows this install pushed
 * are left out, but the last row of the page always comes back as a marker to move the
 * cursor past them.
 */
export const pullSql = `
WITH page AS MATERIALIZED (
  SELECT * FROM telemetry_logs
  WHERE (txid, seq) > ($1::xid8, $2::bigint) AND txid < pg_snapshot_xmin(pg_current_snapshot())
  ORDER BY txid, seq LIMIT $3)
SELECT txid::text AS txid, seq::text AS seq, false AS marker, id::text AS id, (extract(epoch FROM ts) * 1000)::bigint::text AS ts_ms,
  level, source, message, fingerprint, endpoint, method, status, duration_ms, trace_id, meta
FROM page WHERE node_id IS DISTINCT FROM $4
UNION ALL
(SELECT txid::text, seq::text, true, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
 FROM page ORDER BY txid DESC, seq DESC LIMIT 1)`;

export const pullPendingSql = `SELECT count(*)::int AS n FROM telemetry_logs WHERE (txid, seq) > ($1::xid8, $2::bigint) AND node_id IS DISTINCT FROM $3`;
