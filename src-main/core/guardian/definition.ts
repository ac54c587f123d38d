import { guardianLimits, internalChecks, monitorTypes, type InternalCheck, type MaintenanceWindow, type MonitorType } from '../../../shared/contract/guardian';
import { badInput } from '../errors';
import type { MonitorDefinition } from './monitors/types';

/** Fields as the caller gives them (the contract's shape, checked again here for direct core use). */
export interface MonitorInput {
  name?: string | undefined;
  type?: string | undefined;
  url?: string | undefined;
  intervalSeconds?: number | undefined;
  retries?: number | undefined;
  timeoutSeconds?: number | undefined;
  keyword?: string | undefined;
  expectedStatus?: number | undefined;
  graceSeconds?: number | undefined;
  check?: string | undefined;
  maxAgeSeconds?: number | undefined;
  minFreeMb?: number | undefined;
  resendIntervalSeconds?: number | undefined;
  maintenance?: MaintenanceWindow[] | undefined;
  paused?: boolean | undefined;
}

export const monitorDefaults = { intervalSeconds: 60, retries: 0, timeoutSeconds: 48, graceSeconds: 60, resendIntervalSeconds: 0 } as const;

function num(field: string, v: number | undefined, min: number, max: number, minText = `must be at least ${min}`): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw badInput(field, 'must be a number');
  if (v < min) throw badInput(field, minText);
  if (v > max) throw badInput(field, `must be at most ${max}`);
  return v;
}

function checkUrl(raw: string | undefined, type: MonitorType): string | null {
  if (type !== 'http') {
    if (raw !== undefined) throw badInput('url', `is only for http monitors (a ${type} monitor ${type === 'postgres' ? 'uses the remote database URL' : type === 'push' ? 'gets its own URL' : 'has none'})`);
    return null;
  }
  if (raw === undefined || raw.trim() === '') throw badInput('url', 'is required for an http monitor');
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw badInput('url', `is not a valid URL ("${raw.slice(0, 100)}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badInput('url', 'must start with http:// or https://');
  if (url.username || url.password) throw badInput('url', 'must not carry a user or password');
  return url.toString();
}

function defaultName(type: MonitorType, url: string | null, check: InternalCheck | null): string {
  if (type === 'http' && url) {
    const u = new URL(url);
    return `${u.host}${u.pathname === '/' ? '' : u.pathname}`.slice(0, 100);
  }
  if (type === 'internal') return `internal: ${check}`;
  return type === 'postgres' ? 'remote Postgres' : 'heartbeat';
}

function checkWindows(windows: MaintenanceWindow[] | undefined): MaintenanceWindow[] | undefined {
  if (windows === undefined) return undefined;
  windows.forEach((w, i) => {
    if (!(w.to > w.from)) throw badInput(`maintenance.${i}.to`, 'must be after from');
  });
  return windows;
}

/** A new monitor's definition: every field checked, the bad one named; defaults filled in. */
export function newDefinition(input: MonitorInput): MonitorDefinition {
  if (input.type === undefined) throw badInput('type', `is required (one of ${monitorTypes.join(', ')})`);
  if (!(monitorTypes as readonly string[]).includes(input.type)) throw badInput('type', `must be one of ${monitorTypes.join(', ')} (got "${String(input.type).slice(0, 50)}")`);
  const type = input.type as MonitorType;
  const url = checkUrl(input.url, type);
  let check: InternalCheck | null = null;
  if (type === 'internal') {
    if (input.check === undefined) throw badInput('check', `is required for an internal monitor (one of ${internalChecks.join(', ')})`);
    if (!(internalChecks as readonly string[]).includes(input.check)) throw badInput('check', `must be one of ${internalChecks.join(', ')}`);
    check = input.check as InternalCheck;
  } else if (input.check !== undefined) throw badInput('check', 'is only for internal monitors');
  if (input.keyword !== undefined && type !== 'http') throw badInput('keyword', 'is only for http monitors');
  if (input.expectedStatus !== undefined && type !== 'http') throw badInput('expectedStatus', 'is only for http monitors');
  const base: MonitorDefinition = {
    name: '',
    type,
    url,
    intervalSeconds: monitorDefaults.intervalSeconds,
    retries: monitorDefaults.retries,
    timeoutSeconds: monitorDefaults.timeoutSeconds,
    keyword: null,
    expectedStatus: null,
    graceSeconds: monitorDefaults.graceSeconds,
    check,
    maxAgeSeconds: null,
    minFreeMb: null,
    resendIntervalSeconds: monitorDefaults.resendIntervalSeconds,
    maintenance: [],
    paused: false,
  };
  const def = applyChanges(base, input);
  if (input.timeoutSeconds === undefined) def.timeoutSeconds = Math.min(monitorDefaults.timeoutSeconds, Math.max(1, def.intervalSeconds * 0.8));
  if (!def.name) def.name = defaultName(type, url, check);
  return def;
}

/** Applies edits to a stored definition (the type never changes). */
export function applyChanges(current: MonitorDefinition, input: MonitorInput): MonitorDefinition {
  const next: MonitorDefinition = { ...current, maintenance: [...current.maintenance] };
  if (input.type !== undefined && input.type !== current.type) throw badInput('type', 'cannot change; remove the monitor and add a new one');
  if (input.url !== undefined && input.url !== current.url) next.url = checkUrl(input.url, current.type);
  if (input.name !== undefined) {
    const name = input.name.trim();
    if (!name) throw badInput('name', 'must not be empty');
    if (name.length > 100) throw badInput('name', 'is longer than 100 characters');
    next.name = name;
  }
  const interval = num('intervalSeconds', input.intervalSeconds, guardianLimits.minIntervalSeconds, guardianLimits.maxIntervalSeconds, 'must be at least 1 second');
  if (interval !== undefined) next.intervalSeconds = interval;
  const retries = num('retries', input.retries, 0, guardianLimits.maxRetries, 'must not be negative');
  if (retries !== undefined) {
    if (!Number.isInteger(retries)) throw badInput('retries', 'must be a whole number');
    next.retries = retries;
  }
  const timeout = num('timeoutSeconds', input.timeoutSeconds, 0.1, guardianLimits.maxTimeoutSeconds, 'must be at least 0.1 seconds');
  if (timeout !== undefined) next.timeoutSeconds = timeout;
  if (input.keyword !== undefined) {
    if (current.type !== 'http') throw badInput('keyword', 'is only for http monitors');
    if (input.keyword === '') throw badInput('keyword', 'must not be empty');
    next.keyword = input.keyword;
  }
  const status = num('expectedStatus', input.expectedStatus, 100, 599, 'must be an HTTP status (100-599)');
  if (status !== undefined) {
    if (current.type !== 'http') throw badInput('expectedStatus', 'is only for http monitors');
    next.expectedStatus = status;
  }
  const grace = num('graceSeconds', input.graceSeconds, 0, guardianLimits.maxIntervalSeconds, 'must not be negative');
  if (grace !== undefined) next.graceSeconds = grace;
  const maxAge = num('maxAgeSeconds', input.maxAgeSeconds, 1, 365 * 86_400, 'must be at least 1 second');
  if (maxAge !== undefined) next.maxAgeSeconds = maxAge;
  const minFree = num('minFreeMb', input.minFreeMb, 0, 1e9, 'must not be negative');
  if (minFree !== undefined) next.minFreeMb = minFree;
  const resend = num('resendIntervalSeconds', input.resendIntervalSeconds, 0, 7 * 86_400, 'must not be negative');
  if (resend !== undefined) next.resendIntervalSeconds = resend;
  const windows = checkWindows(input.maintenance);
  if (windows !== undefined) next.maintenance = windows;
  if (input.paused !== undefined) next.paused = input.paused;
  return next;
}

export function inMaintenance(def: MonitorDefinition, now: number): MaintenanceWindow | undefined {
  return def.maintenance.find((w) => now >= w.from && now < w.to);
}
