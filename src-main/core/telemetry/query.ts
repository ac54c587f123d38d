import type { TelemetryRow } from './row';
import { telemetryLevels, type TelemetryLevel } from '../../../shared/telemetry';
import type { TelemetryGroup, TelemetryRowOut } from '../../../shared/contract/telemetry';
import type { Db } from '../db/open';
import { badInput } from '../errors';
import { countRows } from './count';
import { fingerprintRanges, levelRanges, type TimeRange } from './level-ranges';
import { rowFilter, type RowQuery } from './row-filter';
import { grainFor, grainMs } from './rollup-read';
import { newestInTime } from './time-blocks';

interface StoredRow extends TelemetryRow {
  id: string;
  seq: number;
  origin: number;
}

/**
 * Newest first, keyset-paged on (ts, seq) so page 1000 costs what page 1 does. The first page
 * (no cursor) also carries the number of rows matching the filters. `rowId` is rowIdSql
 * (made-id.ts).
 */
export function queryRows(db: Db, q: RowQuery, now: number, rowId: string): { rows: TelemetryRowOut[]; nextCursor?: string; total?: number; totalCapped?: boolean } {
  const { where, params } = rowFilter(q);
  let before: number | undefined;
  if (q.cursor !== undefined) {
    const m = /^(\d+)\.(\d+)$/.exec(q.cursor);
    if (!m) throw badInput('cursor', 'is not a cursor from a previous page');
    where.push('(ts, seq) < (?, ?)');
    before = Number(m[1]);
    params.push(before, Number(m[2]));
  }
  const select = `SELECT seq, ${rowId} AS id, ts, level, source, message, fingerprint, endpoint, method, status, duration_ms, trace_id, meta, origin FROM telemetry_logs`;
  const inBlock = db.prepare(`${select} WHERE ${[...where, 'seq >= ?', 'seq < ?', 'ts >= ?', 'ts < ?'].join(' AND ')} ORDER BY ts DESC, seq DESC LIMIT ?`);
  const upper = Math.min(q.to ?? Number.MAX_SAFE_INTEGER, before === undefined ? Number.MAX_SAFE_INTEGER : before + 1);
  const lower = q.from ?? Number.MIN_SAFE_INTEGER;
  // a level or fingerprint filter reads only the stretches the rollups say hold such rows, newest first
  const ranges = narrowedRanges(db, q, lower, upper, now) ?? [[lower, upper]];
  const stored: StoredRow[] = [];
  for (const [a, b] of ranges) {
    stored.push(...newestInTime(db, a, b, q.limit + 1 - stored.length, (first, end, n) => inBlock.all(...params, first, end, a, b, n) as StoredRow[]));
    if (stored.length > q.limit) break;
  }
  const more = stored.length > q.limit;
  const page = more ? stored.slice(0, q.limit) : stored;
  const last = page.at(-1);
  // a first page that holds every match is its own count
  const count = q.cursor !== undefined ? undefined : more ? countRows(db, q, now) : { total: page.length, capped: false };
  return {
    rows: page.map(toOut),
    ...(more && last ? { nextCursor: `${last.ts}.${last.seq}` } : {}),
    ...(count ? { total: count.total, totalCapped: count.capped } : {}),
  };
}

/**
 * Where a fingerprint or level filter's rows can be, from the rollups (the fingerprint first:
 * it is the sparser filter, and the query still applies both); undefined when no such filter
 * narrows time.
 */
function narrowedRanges(db: Db, q: Pick<RowQuery, 'fingerprint' | 'levels'>, from: number, to: number, now: number): TimeRange[] | undefined {
  if (q.fingerprint !== undefined) return fingerprintRanges(db, q.fingerprint, from, to, now);
  if (q.levels && q.levels.length > 0 && q.levels.length < telemetryLevels.length) return levelRanges(db, q.levels, from, to, now);
  return undefined;
}

function toOut(r: StoredRow): TelemetryRowOut {
  return {
    id: r.id,
    ts: r.ts,
    level: r.level,
    source: r.source,
    message: r.message,
    fingerprint: r.fingerprint,
    endpoint: r.endpoint,
    method: r.method,
    status: r.status,
    duration_ms: r.duration_ms,
    trace_id: r.trace_id,
    meta: r.meta === null ? null : (JSON.parse(r.meta) as Record<string, unknown>),
    origin: r.origin === 1 ? 'remote' : 'local',
  };
}

export interface GroupQuery {
  from?: number;
  to?: number;
  levels?: TelemetryLevel[];
  limit: number;
}

interface GroupRow {
  fingerprint: string;
  level: TelemetryLevel;
  source: string;
  sample: string;
  n: number;
  first_seen: number;
  last_seen: number;
}

/** Fingerprint groups: all time from the groups table, a range from the rollups. */
export function queryGroups(db: Db, q: GroupQuery, now: number): TelemetryGroup[] {
  const levelFilter = q.levels && q.levels.length > 0 ? `AND g.level IN (${q.levels.map(() => '?').join(', ')})` : '';
  const levelParams = q.levels ?? [];
  let rows: GroupRow[];
  if (q.from === undefined && q.to === undefined) {
    rows = db
      .prepare(`SELECT fingerprint, level, source, sample, n, first_seen, last_seen FROM telemetry_groups g WHERE 1 = 1 ${levelFilter} ORDER BY n DESC, last_seen DESC LIMIT ?`)
      .all(...levelParams, q.limit) as GroupRow[];
  } else {
    const from = q.from ?? 0;
    const to = q.to ?? now + 1;
    const grain = grainFor(from, now);
    const size = grainMs[grain];
    rows = db
      .prepare(
        `SELECT r.fingerprint, g.level, g.source, g.sample, sum(r.n) AS n,
           max(min(r.bucket), g.first_seen) AS first_seen, min(max(r.bucket) + ? - 1, g.last_seen) AS last_seen
         FROM telemetry_rollup_fingerprints r JOIN telemetry_groups g ON g.fingerprint = r.fingerprint
         WHERE r.grain = ? AND r.bucket >= ? AND r.bucket < ? ${levelFilter}
         GROUP BY r.fingerprint ORDER BY n DESC LIMIT ?`,
      )
      .all(size, grain, from - (from % size), to, ...levelParams, q.limit) as GroupRow[];
  }
  return rows.map((r) => ({ fingerprint: r.fingerprint, level: r.level, source: r.source, sample: r.sample, count: r.n, firstSeen: r.first_seen, lastSeen: r.last_seen }));
}
