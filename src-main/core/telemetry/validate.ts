import { httpMethods, telemetryLevels, telemetryLimits, type TelemetryLevel } from '../../../shared/telemetry';
import { CoreError } from '../errors';
import { fingerprintOf } from './fingerprint';
import { rowFields, type TelemetryRow } from './row';
import { jsonTextTooDeep, maxJsonDepth } from '../../../shared/json-depth';

/**
 * meta as stored text. JSON.stringify recurses, so a value nested thousands deep throws; a
 * text shorter than two brackets per level cannot be too deep, which spares the scan for the
 * small meta of ordinary rows.
 */
function metaText(meta: object): string {
  const tooDeep = `nests deeper than ${maxJsonDepth} levels`;
  let text: string;
  try {
    text = JSON.stringify(meta);
  } catch {
    return fail('meta', tooDeep);
  }
  if (text.length > 2 * maxJsonDepth && jsonTextTooDeep(text)) fail('meta', tooDeep);
  return text;
}

/** The first bad row of a batch: where it is (line or row number) and which field. */
export class RowRejected extends CoreError {
  constructor(
    readonly line: number,
    field: string,
    reason: string,
    readonly unit: 'line' | 'row' = 'line',
  ) {
    super('BAD_INPUT', `${unit} ${line}: ${field}: ${reason}`, field);
    this.name = 'RowRejected';
  }
}

export interface NormaliseContext {
  now: number;
  defaultSource: string;
  /** Remote rows keep timestamps from a skewed clock rather than being dropped. */
  allowFuture?: boolean;
}

const levels = new Set<string>(telemetryLevels);
const methods = new Set<string>(httpMethods);
const known = new Set<string>(rowFields);
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const isoPattern = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const fingerprintPattern = /^[A-Za-z0-9_.:-]{1,64}$/;
// read once: imported bindings cost a lookup on every row
const { maxMessageChars, maxMetaBytes, maxFutureSkewMs } = telemetryLimits;
/** 2000-01-01: anything earlier is almost surely seconds sent where milliseconds belong. */
const earliestTs = 946_684_800_000;

class FieldError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

function fail(field: string, reason: string): never {
  throw new FieldError(field, reason);
}

/** The field's value read by the caller (`r.source`, not `r[field]`: a keyed read per field is slow on every row). */
function optionalString(v: unknown, field: string, max: number): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') fail(field, `must be a string (got ${typeName(v)})`);
  if (v.length > max) fail(field, `is longer than ${max} characters`);
  return v;
}

function typeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

function parseTs(v: unknown, ctx: NormaliseContext): number {
  if (v === undefined || v === null) return ctx.now;
  let ms: number;
  if (typeof v === 'number') ms = v;
  else if (typeof v === 'string' && isoPattern.test(v)) ms = Date.parse(v);
  else fail('ts', 'must be milliseconds since the epoch or an ISO 8601 time');
  if (!Number.isFinite(ms)) fail('ts', 'is not a valid time');
  ms = Math.round(ms);
  if (ms < earliestTs) fail('ts', 'is before 2000-01-01 (send milliseconds, not seconds)');
  if (!ctx.allowFuture && ms > ctx.now + maxFutureSkewMs) {
    fail('ts', `is in the future (${new Date(ms).toISOString()}; more than 5 minutes ahead of this machine)`);
  }
  return ms;
}

function normaliseFields(raw: unknown, ctx: NormaliseContext): TelemetryRow {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('row', `must be a JSON object (got ${typeName(raw)})`);
  const r = raw as Record<string, unknown>;
  for (const key in r) if (!known.has(key)) fail(key, `is not a telemetry field (known: ${rowFields.join(', ')}; put extras in meta)`);

  const level = r.level;
  if (typeof level !== 'string' || !levels.has(level)) {
    fail('level', level === undefined ? 'is required' : `must be one of ${telemetryLevels.join(', ')} (got ${JSON.stringify(level)})`);
  }
  const message = r.message;
  if (typeof message !== 'string') fail('message', message === undefined ? 'is required' : `must be a string (got ${typeName(message)})`);
  if (message.length === 0) fail('message', 'must not be empty');
  if (message.length > maxMessageChars) fail('message', `is longer than ${maxMessageChars} characters`);

  const ts = parseTs(r.ts, ctx);

  // no id: one is made from the stored row when it is read (made-id.ts)
  let id = r.id;
  const idGiven = id !== undefined && id !== null;
  if (!idGiven) id = null;
  else if (typeof id !== 'string' || !uuidPattern.test(id)) fail('id', `must be a UUID (got ${JSON.stringify(id)})`);
  else id = id.toLowerCase();

  const source = optionalString(r.source, 'source', 200) ?? ctx.defaultSource;
  if (source.length === 0) fail('source', 'must not be empty');

  let fingerprint = optionalString(r.fingerprint, 'fingerprint', 64);
  if (fingerprint !== null && !fingerprintPattern.test(fingerprint)) fail('fingerprint', 'must be 1-64 letters, digits or _.:-');
  fingerprint ??= fingerprintOf(level, message);

  let method = optionalString(r.method, 'method', 10);
  // most senders already write it in capitals: no new string then
  if (method !== null && !methods.has(method)) {
    method = method.toUpperCase();
    if (!methods.has(method)) fail('method', `must be an HTTP method (${httpMethods.join(', ')})`);
  }

  const status = r.status;
  if (status !== undefined && status !== null && (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599)) {
    fail('status', 'must be a whole number from 100 to 599');
  }
  const duration = r.duration_ms;
  if (duration !== undefined && duration !== null && (typeof duration !== 'number' || !Number.isFinite(duration) || duration < 0 || duration > 1e9)) {
    fail('duration_ms', 'must be a number of milliseconds from 0 to 1e9');
  }

  let meta: string | null = null;
  const rawMeta = r.meta;
  if (rawMeta !== undefined && rawMeta !== null) {
    if (typeof rawMeta !== 'object' || Array.isArray(rawMeta)) fail('meta', `must be a JSON object (got ${typeName(rawMeta)})`);
    meta = metaText(rawMeta);
    if (meta.length > maxMetaBytes) fail('meta', `is larger than ${maxMetaBytes} bytes as JSON`);
  }

  return {
    id: id as string | null,
    ts,
    level: level as TelemetryLevel,
    source,
    message,
    fingerprint,
    endpoint: optionalString(r.endpoint, 'endpoint', 512),
    method,
    status: (status as number | null | undefined) ?? null,
    duration_ms: (duration as number | null | undefined) ?? null,
    trace_id: optionalString(r.trace_id, 'trace_id', 128),
    meta,
    id_given: idGiven ? 1 : 0,
  };
}

/** Checks and normalises one row; a bad one throws RowRejected naming its line and field. */
export function normaliseRow(raw: unknown, ctx: NormaliseContext, line: number, unit: 'line' | 'row' = 'line'): TelemetryRow {
  try {
    return normaliseFields(raw, ctx);
  } catch (err) {
    if (err instanceof FieldError) throw new RowRejected(line, err.field, err.reason, unit);
    throw err;
  }
}
