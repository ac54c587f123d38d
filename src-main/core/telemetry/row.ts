import type { TelemetryLevel } from '../../../shared/telemetry';

/** A validated row as stored: meta is JSON text (or null), ts is ms since the epoch. */
export interface TelemetryRow {
  /** null when made here: read back from ts, seq and the node id (made-id.ts). */
  id: string | null;
  ts: number;
  level: TelemetryLevel;
  source: string;
  message: string;
  fingerprint: string;
  endpoint: string | null;
  method: string | null;
  status: number | null;
  duration_ms: number | null;
  trace_id: string | null;
  meta: string | null;
  /** 1 when the row came with its own id (checked unique), 0 when it is made here (new by construction). */
  id_given: 0 | 1;
}

export const rowFields = ['id', 'ts', 'level', 'source', 'message', 'fingerprint', 'endpoint', 'method', 'status', 'duration_ms', 'trace_id', 'meta'] as const;

/** The source of the app's own log lines (app-log-tee.ts): counted apart from the founder's sources. */
export const appLogSource = 'app';

export const enum Origin {
  Local = 0,
  Remote = 1,
}

export const minute = 60_000;
export const hour = 60 * minute;
export const day = 24 * hour;

export function floorTo(ms: number, size: number): number {
  return ms - (((ms % size) + size) % size);
}
