import { z } from 'zod';
import type { MonitorTypeInfo } from '../../../../shared/contract/guardian';
import { apiErrorFromZod } from '../../../../shared/contract/errors';
import { badInput, CoreError } from '../../errors';
import { inputJsonSchema, jsonSchemaDefaults } from '../../json-schema';
import type { AnyMonitorType } from './define-monitor';
import { monitorTypeList } from './index';

/** A monitor type's settings, parsed: what its check and default name receive. */
export type Settings = Record<string, unknown>;

const byType = new Map<string, AnyMonitorType>();
for (const t of monitorTypeList) {
  if (byType.has(t.type)) throw new Error(`monitor type ${t.type} is registered twice`);
  byType.set(t.type, t);
}

const monitorTypeNames: readonly string[] = monitorTypeList.map((t) => t.type);

export function monitorType(type: string): AnyMonitorType | undefined {
  return byType.get(type);
}

export function requireMonitorType(type: unknown): AnyMonitorType {
  const list = monitorTypeNames.join(', ');
  if (type === undefined) throw badInput('type', `is required (one of ${list})`);
  const found = typeof type === 'string' ? byType.get(type) : undefined;
  if (!found) throw badInput('type', `must be one of ${list} (got "${String(type).slice(0, 50)}")`);
  return found;
}

const settingKeys = (t: AnyMonitorType): string[] => Object.keys(t.settings.shape);

/**
 * Every type's settings at their "unset" value: the default, or null. A monitor's JSON (stored
 * and sent) carries these beside its own settings, the flat shape it has had since the first
 * build, so older stored rows and older callers read it unchanged.
 */
const unsetSettings: Settings = Object.fromEntries(
  monitorTypeList.flatMap((t) =>
    Object.entries(t.settings.shape).map(([key, schema]) => {
      const parsed = z.safeParse(schema, undefined);
      return [key, parsed.success && parsed.data !== undefined ? parsed.data : null];
    }),
  ),
);

/** The monitor's JSON fields for its settings: every type's, unset, then its own. */
export function flatSettings(settings: Settings): Settings {
  const own = Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, v === undefined ? null : v]));
  return { ...unsetSettings, ...own };
}

/** A type's settings as stored in (or sent with) a monitor's flat JSON; null means unset. */
export function storedSettings(t: AnyMonitorType, flat: Record<string, unknown>): Settings {
  return Object.fromEntries(settingKeys(t).flatMap((k) => (flat[k] === null || flat[k] === undefined ? [] : [[k, flat[k]]])));
}

/**
 * Checks settings against their type's schema; a field of another type is refused naming the
 * types it belongs to, an unknown one naming what this type takes.
 */
export function parseSettings(t: AnyMonitorType, raw: Settings): Settings {
  const own = new Set(settingKeys(t));
  for (const name of Object.keys(raw)) {
    if (own.has(name)) continue;
    // a caller's key is echoed in the error: a runaway one is cut
    const key = name.slice(0, 100);
    const owners = monitorTypeList.filter((o) => settingKeys(o).includes(name)).map((o) => o.type);
    if (owners.length > 0) throw badInput(key, `is only for ${owners.join(' or ')} monitors`);
    throw badInput(key, `is not a monitor field (${t.type} monitors take ${own.size > 0 ? [...own].join(', ') : 'no settings of their own'} besides the common fields)`);
  }
  const parsed = t.settings.safeParse(raw);
  if (!parsed.success) {
    const e = apiErrorFromZod(parsed.error);
    throw new CoreError(e.code, e.message, e.field);
  }
  return parsed.data as Settings;
}

/** guardian.monitorTypes: each type with its settings as JSON Schema and the form's hints. */
export function describeMonitorTypes(): MonitorTypeInfo[] {
  return monitorTypeList.map((t) => {
    const settingsSchema = inputJsonSchema(t.settings);
    return { type: t.type, label: t.label, description: t.description, settingsSchema, ui: { ...t.ui }, defaults: jsonSchemaDefaults(settingsSchema), receivesPings: t.receivesPings === true };
  });
}
