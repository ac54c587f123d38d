import type { Db } from '../db/open';
import { decode, merge, type Histogram } from './histogram';
import { day, hour, minute } from './row';
import { grainMs, type Grain } from './rollups';

export { grainMs, type Grain };

/** How long each rollup grain is kept (retention), and so the finest grain that covers a time. */
export const grainKeepMs: Record<Grain, number> = { minute: day, hour: 30 * day, day: 365 * day };

export function grainFor(from: number, now: number): Grain {
  if (from >= now - grainKeepMs.minute) return 'minute';
  if (from >= now - grainKeepMs.hour) return 'hour';
  return 'day';
}

/**
 * Whose rows a read counts: the founder's sources (what the detectors and the health score
 * judge), the app's own log lines (source `app`), or both (the Telemetry page's charts).
 */
export type Whose = 'founder' | 'app' | 'all';

/** The condition on the rollups' `own` column for `whose`, to append to a WHERE. */
export function ownSql(whose: Whose): string {
  return whose === 'founder' ? ' AND own = 0' : whose === 'app' ? ' AND own = 1' : '';
}

export function levelTotals(db: Db, grain: Grain, from: number, to: number, whose: Whose = 'all'): Map<number, number> {
  const rows = db
    .prepare(`SELECT bucket, sum(n) AS n FROM telemetry_rollup_levels WHERE grain = ? AND bucket >= ? AND bucket < ?${ownSql(whose)} GROUP BY bucket`)
    .all(grain, from, to) as { bucket: number; n: number }[];
  return new Map(rows.map((r) => [r.bucket, r.n]));
}

/** Rows per level over [from, to). */
export function levelCounts(db: Db, grain: Grain, from: number, to: number, whose: Whose = 'all'): Map<string, number> {
  const rows = db
    .prepare(`SELECT level, sum(n) AS n FROM telemetry_rollup_levels WHERE grain = ? AND bucket >= ? AND bucket < ?${ownSql(whose)} GROUP BY level`)
    .all(grain, from, to) as { level: string; n: number }[];
  return new Map(rows.map((r) => [r.level, r.n]));
}

export function firstBucket(db: Db, grain: Grain, whose: Whose = 'all'): number | undefined {
  const v = db.prepare(`SELECT min(bucket) FROM telemetry_rollup_levels WHERE grain = ?${ownSql(whose)}`).pluck().get(grain) as number | null;
  return v ?? undefined;
}

export function fingerprintCounts(db: Db, grain: Grain, from: number, to: number, whose: Whose = 'all'): Map<string, number> {
  const rows = db
    .prepare(`SELECT fingerprint, sum(n) AS n FROM telemetry_rollup_fingerprints WHERE grain = ? AND bucket >= ? AND bucket < ?${ownSql(whose)} GROUP BY fingerprint`)
    .all(grain, from, to) as { fingerprint: string; n: number }[];
  return new Map(rows.map((r) => [r.fingerprint, r.n]));
}

export interface EndpointBucket {
  bucket: number;
  key: string;
  n: number;
  errors: number;
}

/** Request and 5xx counts per endpoint (`METHOD endpoint`) per bucket (a bucket may come once per owner). */
export function endpointCounts(db: Db, grain: Grain, from: number, to: number, whose: Whose = 'all'): EndpointBucket[] {
  return db
    .prepare(
      `SELECT bucket, CASE method WHEN '' THEN endpoint ELSE method || ' ' || endpoint END AS key, n, errors
       FROM telemetry_rollup_endpoints WHERE grain = ? AND bucket >= ? AND bucket < ?${ownSql(whose)}`,
    )
    .all(grain, from, to) as EndpointBucket[];
}

export interface EndpointStats {
  key: string;
  endpoint: string;
  method: string;
  n: number;
  errors: number;
  durN: number;
  hist: Histogram;
}

/** Per endpoint over a range: counts and the merged duration histogram. */
export function endpointStats(db: Db, grain: Grain, from: number, to: number, o: { endpoint?: string; whose?: Whose } = {}): Map<string, EndpointStats> {
  const { endpoint } = o;
  const rows = db
    .prepare(
      `SELECT endpoint, method, n, errors, dur_n, hist FROM telemetry_rollup_endpoints
       WHERE grain = ? AND bucket >= ? AND bucket < ?${ownSql(o.whose ?? 'all')} ${endpoint !== undefined ? 'AND endpoint = ?' : ''}`,
    )
    .all(grain, from, to, ...(endpoint !== undefined ? [endpoint] : [])) as { endpoint: string; method: string; n: number; errors: number; dur_n: number; hist: string }[];
  const out = new Map<string, EndpointStats>();
  for (const r of rows) {
    const key = r.method === '' ? r.endpoint : `${r.method} ${r.endpoint}`;
    let s = out.get(key);
    if (!s) out.set(key, (s = { key, endpoint: r.endpoint, method: r.method, n: 0, errors: 0, durN: 0, hist: new Map() }));
    s.n += r.n;
    s.errors += r.errors;
    s.durN += r.dur_n;
    if (r.dur_n > 0) merge(s.hist, decode(r.hist));
  }
  return out;
}

export { minute, hour, day };
