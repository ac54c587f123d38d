import { z } from 'zod';
import { isSettingKey, settingDefinitions } from '../../../../shared/settings';
import type { SettingEntry } from '../../../../shared/contract/settings';

export type SettingKind = { kind: 'enum'; options: readonly string[] } | { kind: 'boolean' } | { kind: 'string' } | { kind: 'number' };

/** Which control edits a setting, read from its schema in shared/settings.ts. */
export function settingKind(entry: SettingEntry): SettingKind {
  if (isSettingKey(entry.key)) {
    const schema: z.ZodType = settingDefinitions[entry.key].schema;
    if (schema instanceof z.ZodEnum) return { kind: 'enum', options: schema.options.map(String) };
    if (schema instanceof z.ZodBoolean) return { kind: 'boolean' };
    if (schema instanceof z.ZodString) return { kind: 'string' };
    if (schema instanceof z.ZodNumber) return { kind: 'number' };
  }
  // a setting this build does not know: judge by its value
  if (typeof entry.value === 'boolean') return { kind: 'boolean' };
  return typeof entry.value === 'number' ? { kind: 'number' } : { kind: 'string' };
}

/** A setting value as a founder reads it. */
export function formatSettingValue(value: unknown): string {
  if (value === true) return 'On';
  if (value === false) return 'Off';
  if (value === '' || value === undefined || value === null) return '(empty)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
