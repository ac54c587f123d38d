import type { ProcedureInput } from '../../../../shared/contract';
import { telemetryLevels, type TelemetryLevel } from '../../../../shared/telemetry';

export type RangeKey = '15m' | '1h' | '24h' | '7d' | '30d' | 'all' | 'custom';

export const rangeOptions: { key: RangeKey; label: string; ms?: number }[] = [
  { key: '15m', label: 'Last 15 minutes', ms: 15 * 60_000 },
  { key: '1h', label: 'Last hour', ms: 3_600_000 },
  { key: '24h', label: 'Last 24 hours', ms: 86_400_000 },
  { key: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { key: '30d', label: 'Last 30 days', ms: 30 * 86_400_000 },
  { key: 'all', label: 'All time' },
];

/** The explorer also offers a custom from/to. */
export const explorerRangeOptions = [...rangeOptions, { key: 'custom' as const, label: 'Custom range…' }];

export function rangeMs(key: RangeKey): number | undefined {
  return rangeOptions.find((o) => o.key === key)?.ms;
}

export interface ExplorerFilters {
  levels: TelemetryLevel[];
  source: string;
  endpoint: string;
  fingerprint: string;
  text: string;
  range: RangeKey;
  /** `datetime-local` values (local time), used when range is custom. */
  from: string;
  to: string;
}

export const emptyFilters: ExplorerFilters = { levels: [], source: '', endpoint: '', fingerprint: '', text: '', range: 'all', from: '', to: '' };

export function isFiltered(f: ExplorerFilters): boolean {
  return f.levels.length > 0 || f.source !== '' || f.endpoint !== '' || f.fingerprint !== '' || f.text !== '' || f.range !== 'all';
}

/** The filters as a telemetry.query input (empty fields left out). */
export function toQuery(f: ExplorerFilters, now: number, limit: number, cursor?: string): ProcedureInput<'telemetry.query'> {
  const span = rangeMs(f.range);
  const q: ProcedureInput<'telemetry.query'> = { limit };
  if (span !== undefined) q.from = now - span;
  if (f.range === 'custom') {
    const from = f.from ? new Date(f.from).getTime() : NaN;
    const to = f.to ? new Date(f.to).getTime() : NaN;
    if (Number.isFinite(from)) q.from = from;
    if (Number.isFinite(to)) q.to = to;
  }
  if (f.levels.length > 0) q.levels = f.levels;
  if (f.source.trim()) q.source = f.source.trim();
  if (f.endpoint.trim()) q.endpoint = f.endpoint.trim();
  if (f.fingerprint.trim()) q.fingerprint = f.fingerprint.trim();
  if (f.text.trim()) q.text = f.text.trim();
  if (cursor) q.cursor = cursor;
  return q;
}

/**
 * Filters from a link's parameters (`#/telemetry?source=app&levels=error,fatal&range=1h`, the
 * Guardian page's links): known levels and ranges only; anything else is left empty.
 */
export function filtersFromParams(params: Readonly<Record<string, string>>): ExplorerFilters {
  const levels = (params.levels ?? '').split(',').filter((l): l is TelemetryLevel => (telemetryLevels as readonly string[]).includes(l));
  const range = rangeOptions.find((o) => o.key === params.range)?.key ?? emptyFilters.range;
  return { ...emptyFilters, levels, source: params.source ?? '', endpoint: params.endpoint ?? '', fingerprint: params.fingerprint ?? '', text: params.text ?? '', range };
}
