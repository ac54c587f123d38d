import { httpStatusFor, type ErrorCode } from '../../../shared/contract/errors';
import type { TelemetryLevel } from '../../../shared/telemetry';
import { fingerprintOf } from './fingerprint';
import { appLogSource, type TelemetryRow } from './row';

export interface LogDestination {
  write(line: string): unknown;
}

/**
 * The log file's destination with a cheap tee: each JSON line is also kept (a string push,
 * nothing parsed) until telemetry drains the buffer on a timer. Bounded: when nobody drains,
 * the oldest lines are simply not kept.
 */
export class AppLogTee implements LogDestination {
  private buffer: string[] = [];
  private on = false;
  dropped = 0;

  constructor(
    private readonly file: LogDestination | undefined,
    private readonly max = 10_000,
  ) {}

  write(line: string): boolean {
    this.file?.write(line);
    if (this.on) {
      if (this.buffer.length < this.max) this.buffer.push(line);
      else this.dropped++;
    }
    return true;
  }

  /** Start keeping lines (telemetry is wired and will drain them). */
  enable(): void {
    this.on = true;
  }

  drain(): string[] {
    const lines = this.buffer;
    this.buffer = [];
    return lines;
  }
}

const pinoLevels: Record<number, TelemetryLevel> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const lifted = new Set(['level', 'time', 'msg', 'app', 'pid', 'hostname', 'reqId', 'procedure', 'ms', 'code', 'transport']);

/** One pino line as a telemetry row (source `app`); API calls carry endpoint, status and duration. */
export function appLogRow(line: string): TelemetryRow | undefined {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const level = pinoLevels[o.level as number];
  const message = typeof o.msg === 'string' && o.msg !== '' ? o.msg.slice(0, 16_384) : undefined;
  if (!level || !message) return undefined;
  const ts = typeof o.time === 'string' ? Date.parse(o.time) : typeof o.time === 'number' ? o.time : NaN;
  if (!Number.isFinite(ts)) return undefined;
  const procedure = typeof o.procedure === 'string' ? o.procedure : undefined;
  const code = typeof o.code === 'string' ? (o.code as ErrorCode) : undefined;
  const rest: Record<string, unknown> = {};
  let extra = false;
  for (const key in o) {
    if (lifted.has(key)) continue;
    rest[key] = o[key];
    extra = true;
  }
  const meta = extra ? JSON.stringify(rest) : null;
  return {
    id: null,
    ts,
    level,
    source: appLogSource,
    message,
    fingerprint: fingerprintOf(level, message),
    endpoint: procedure ? `/api/${procedure}` : null,
    method: procedure ? 'POST' : null,
    status: procedure ? (code ? (httpStatusFor[code] ?? 500) : 200) : null,
    duration_ms: typeof o.ms === 'number' ? o.ms : null,
    trace_id: typeof o.reqId === 'string' ? o.reqId.slice(0, 128) : null,
    meta: meta !== null && meta.length <= 16_384 ? meta : null,
    id_given: 0,
  };
}
