import type { TelemetryLevel } from '../../../shared/telemetry';

/** What a row query matches on; the page (query.ts) and its count (count.ts) share it. */
export interface RowFilters {
  from?: number;
  to?: number;
  levels?: TelemetryLevel[];
  source?: string;
  endpoint?: string;
  fingerprint?: string;
  text?: string;
}

/** A page of rows: the filters, the page size and where the previous page stopped. */
export interface RowQuery extends RowFilters {
  limit: number;
  cursor?: string;
}

/** The WHERE clause for a query's filters (not its cursor), shared by the page and its count. */
export function rowFilter(q: RowFilters): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.from !== undefined) where.push('ts >= ?') && params.push(q.from);
  if (q.to !== undefined) where.push('ts < ?') && params.push(q.to);
  if (q.levels && q.levels.length > 0) where.push(`level IN (${q.levels.map(() => '?').join(', ')})`) && params.push(...q.levels);
  if (q.source !== undefined) where.push('source = ?') && params.push(q.source);
  if (q.endpoint !== undefined) where.push('endpoint = ?') && params.push(q.endpoint);
  if (q.fingerprint !== undefined) where.push('fingerprint = ?') && params.push(q.fingerprint);
  if (q.text !== undefined) where.push("message LIKE ? ESCAPE '\\'") && params.push(`%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return { where, params };
}
