import { guardianLimits, type MaintenanceWindow } from '../../../shared/contract/guardian';
import { badInput } from '../errors';
import type { AnyMonitorType } from './monitors/define-monitor';
import { flatSettings, monitorType, parseSettings, requireMonitorType, storedSettings, type Settings } from './monitors/registry';

/** Every monitor's own fields, whatever its type. */
export interface CommonFields {
  name: string;
  type: string;
  intervalSeconds: number;
  retries: number;
  timeoutSeconds: number;
  resendIntervalSeconds: number;
  maintenance: MaintenanceWindow[];
  paused: boolean;
}

/** A monitor's definition: the common fields and its type's settings. */
export interface MonitorDefinition {
  common: CommonFields;
  settings: Settings;
}

/**
 * Fields as the caller gives them (the contract's shape, checked again here for direct core
 * use): the common ones, and the settings of the monitor's type beside them.
 */
export interface MonitorInput {
  name?: string | undefined;
  type?: string | undefined;
  intervalSeconds?: number | undefined;
  retries?: number | undefined;
  timeoutSeconds?: number | undefined;
  resendIntervalSeconds?: number | undefined;
  maintenance?: MaintenanceWindow[] | undefined;
  paused?: boolean | undefined;
  [setting: string]: unknown;
}

export const monitorDefaults = { intervalSeconds: 60, retries: 0, timeoutSeconds: 48, resendIntervalSeconds: 0 } as const;

const commonKeys: ReadonlySet<string> = new Set(['name', 'type', 'intervalSeconds', 'retries', 'timeoutSeconds', 'resendIntervalSeconds', 'maintenance', 'paused']);

/** The input's settings: every field that is not a common one (undefined means not given). */
function settingsInput(input: Record<string, unknown>): Settings {
  return Object.fromEntries(Object.entries(input).filter(([k, v]) => !commonKeys.has(k) && v !== undefined));
}

function num(field: string, v: unknown, min: number, max: number, minText = `must be at least ${min}`): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw badInput(field, 'must be a number');
  if (v < min) throw badInput(field, minText);
  if (v > max) throw badInput(field, `must be at most ${max}`);
  return v;
}

function checkWindows(windows: MaintenanceWindow[] | undefined): MaintenanceWindow[] | undefined {
  if (windows === undefined) return undefined;
  windows.forEach((w, i) => {
    if (!(w.to > w.from)) throw badInput(`maintenance.${i}.to`, 'must be after from');
  });
  return windows;
}

/** A new monitor's definition: every field checked, the bad one named; defaults filled in. */
export function newDefinition(input: MonitorInput): MonitorDefinition & { type: AnyMonitorType } {
  const type = requireMonitorType(input.type);
  const settings = parseSettings(type, settingsInput(input));
  const base: CommonFields = {
    name: '',
    type: type.type,
    intervalSeconds: monitorDefaults.intervalSeconds,
    retries: monitorDefaults.retries,
    timeoutSeconds: monitorDefaults.timeoutSeconds,
    resendIntervalSeconds: monitorDefaults.resendIntervalSeconds,
    maintenance: [],
    paused: false,
  };
  const common = applyCommon(base, input);
  if (input.timeoutSeconds === undefined) common.timeoutSeconds = Math.min(monitorDefaults.timeoutSeconds, Math.max(1, common.intervalSeconds * 0.8));
  if (!common.name) common.name = type.defaultName(settings);
  return { common, settings, type };
}

/** Applies edits to a stored definition (the type never changes); a setting given as null is cleared. */
export function applyChanges(current: MonitorDefinition, input: MonitorInput): MonitorDefinition {
  if (input.type !== undefined && input.type !== current.common.type) throw badInput('type', 'cannot change; remove the monitor and add a new one');
  const changes = settingsInput(input);
  const common = applyCommon(current.common, input);
  if (Object.keys(changes).length === 0) return { common, settings: current.settings };
  const type = requireMonitorType(current.common.type);
  const merged: Settings = { ...current.settings, ...changes };
  // only this type's own settings clear; another's stays for parseSettings to refuse by name
  for (const [key, value] of Object.entries(changes)) if (value === null && key in type.settings.shape) delete merged[key];
  return { common, settings: parseSettings(type, merged) };
}

function applyCommon(current: CommonFields, input: MonitorInput): CommonFields {
  const next: CommonFields = { ...current, maintenance: [...current.maintenance] };
  if (input.name !== undefined) {
    const name = typeof input.name === 'string' ? input.name.trim() : '';
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
  const resend = num('resendIntervalSeconds', input.resendIntervalSeconds, 0, 7 * 86_400, 'must not be negative');
  if (resend !== undefined) next.resendIntervalSeconds = resend;
  const windows = checkWindows(input.maintenance);
  if (windows !== undefined) next.maintenance = windows;
  if (input.paused !== undefined) next.paused = input.paused;
  return next;
}

/** The definition as stored in guardian_monitors.definition (and sent, with the row's state). */
export function storedJson(def: MonitorDefinition): Record<string, unknown> {
  const { name, type, ...rest } = def.common;
  return { name, type, ...flatSettings(def.settings), ...rest };
}

export function readDefinition(json: string): MonitorDefinition {
  const flat = JSON.parse(json) as CommonFields & Record<string, unknown>;
  const common: CommonFields = {
    name: flat.name,
    type: flat.type,
    intervalSeconds: flat.intervalSeconds,
    retries: flat.retries,
    timeoutSeconds: flat.timeoutSeconds,
    resendIntervalSeconds: flat.resendIntervalSeconds ?? monitorDefaults.resendIntervalSeconds,
    maintenance: flat.maintenance ?? [],
    paused: flat.paused === true,
  };
  const type = monitorType(flat.type);
  // a type this build does not know (a newer build stored it) keeps its settings as they are
  const settings = type ? storedSettings(type, flat) : Object.fromEntries(Object.entries(settingsInput(flat)).filter(([, v]) => v !== null));
  return { common, settings };
}

export function inMaintenance(def: MonitorDefinition, now: number): MaintenanceWindow | undefined {
  return def.common.maintenance.find((w) => now >= w.from && now < w.to);
}
