import type { z } from 'zod';
import { isSettingKey, settingDefinitions, settingKeys, type SettingDefinition, type SettingKey, type SettingValue } from '../../../shared/settings';
import type { SettingEntry } from '../../../shared/contract/settings';
import { CoreError, badInput } from '../errors';
import type { Db } from '../db/open';
import type { Clock } from '../clock';
import type { EventBus } from '../event-bus';

/**
 * Founder settings: stored as JSON in SQLite, each checked against its schema in shared/,
 * and overridable by an environment variable (the UI shows when that happens).
 */
export class SettingsService {
  private readonly stored = new Map<SettingKey, unknown>();
  private readonly envValues = new Map<SettingKey, unknown>();

  constructor(
    private readonly db: Db,
    env: NodeJS.ProcessEnv,
    private readonly clock: Clock,
    private readonly events: EventBus,
  ) {
    for (const row of db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]) {
      if (!isSettingKey(row.key)) continue;
      const parsed = settingDefinitions[row.key].schema.safeParse(JSON.parse(row.value));
      // a stored value an older build accepted but this one does not falls back to the default
      if (parsed.success) this.stored.set(row.key, parsed.data);
    }
    for (const key of settingKeys) {
      const envName = settingDefinitions[key].env;
      const raw = envName ? env[envName] : undefined;
      if (envName === undefined || raw === undefined || raw === '') continue;
      this.envValues.set(key, parseSettingText(key, raw, envName));
    }
  }

  get<K extends SettingKey>(key: K): SettingValue<K> {
    if (this.envValues.has(key)) return this.envValues.get(key) as SettingValue<K>;
    if (this.stored.has(key)) return this.stored.get(key) as SettingValue<K>;
    return settingDefinitions[key].defaultValue as SettingValue<K>;
  }

  /** The stored (or default) value, ignoring any environment override. */
  getStored<K extends SettingKey>(key: K): SettingValue<K> {
    return (this.stored.has(key) ? this.stored.get(key) : settingDefinitions[key].defaultValue) as SettingValue<K>;
  }

  envOverride<K extends SettingKey>(key: K): SettingValue<K> | undefined {
    return this.envValues.get(key) as SettingValue<K> | undefined;
  }

  entry(key: string): SettingEntry {
    if (!isSettingKey(key)) throw unknownKey(key);
    const def: SettingDefinition = settingDefinitions[key];
    const source = this.envValues.has(key) ? 'env' : this.stored.has(key) ? 'stored' : 'default';
    return {
      key,
      label: def.label,
      description: def.description,
      value: this.get(key),
      defaultValue: def.defaultValue,
      source,
      ...(def.env ? { env: def.env } : {}),
      ...(def.cliOnly ? { cliOnly: def.cliOnly } : {}),
    };
  }

  list(): SettingEntry[] {
    return settingKeys.map((key) => this.entry(key));
  }

  /** `from` is who asks: a page (HTTP, IPC) may not change a setting marked cliOnly. */
  set(key: string, value: unknown, from: 'cli' | 'page' = 'cli'): SettingEntry {
    if (!isSettingKey(key)) throw unknownKey(key);
    const guard: string | undefined = (settingDefinitions[key] as SettingDefinition).cliOnly;
    if (guard && from === 'page') throw new CoreError('FORBIDDEN', `key: ${key} can be changed only from the command line (levqor settings set ${key} VALUE) or its environment variable, not from a page: ${guard}`, 'key');
    const parsed = (settingDefinitions[key].schema as z.ZodType).safeParse(value);
    if (!parsed.success) throw settingRefused(key, parsed.error);
    this.db
      .prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
      .run(key, JSON.stringify(parsed.data), this.clock.now());
    this.stored.set(key, parsed.data);
    const entry = this.entry(key);
    this.events.emit('settings.changed', entry);
    return entry;
  }
}

/**
 * A refused value, named once by the setting's label as the Settings page shows it, then the
 * rule: "Keep raw telemetry (days) must be a whole number of days from 1 to 3650". The error's
 * field is the input that was wrong (`value`, for the caller to place it); an environment
 * variable is named in front, since nothing else says where the value came from.
 */
function settingRefused(key: SettingKey, error: z.ZodError, field = 'value'): CoreError {
  const sentence = `${settingDefinitions[key].label} ${error.issues[0]?.message ?? 'is invalid'}`;
  return new CoreError('BAD_INPUT', field === 'value' ? sentence : `${field}: ${sentence}`, field);
}

function unknownKey(key: string): CoreError {
  return badInput('key', `unknown setting "${key}" (known: ${settingKeys.join(', ')})`);
}

/**
 * Reads a setting typed as text (environment, command line): taken as a string when the
 * schema accepts one, otherwise as JSON (`true`, `30`).
 */
export function parseSettingText(key: SettingKey, text: string, field = 'value'): unknown {
  const schema = settingDefinitions[key].schema as z.ZodType;
  const asString = schema.safeParse(text);
  if (asString.success) return asString.data;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw settingRefused(key, asString.error, field);
  }
  const asJson = schema.safeParse(json);
  if (!asJson.success) throw settingRefused(key, asJson.error, field);
  return asJson.data;
}
