import { z } from 'zod';
import { launchStageSchema, defaultLaunchStage } from './stage';

/**
 * Every founder-visible setting: its schema, default and a sentence for the UI.
 * Adding a setting = adding one entry here; the store, API, CLI and Settings page follow.
 */
export const settingDefinitions = {
  stage: {
    schema: launchStageSchema,
    defaultValue: defaultLaunchStage,
    label: 'Launch stage',
    description: 'pre-launch dry-runs Class B steps unless approved; post-launch runs them.',
    env: 'LEVQOR_LAUNCH_STAGE',
  },
  productsDir: {
    schema: z.string().trim().min(1, 'must not be empty'),
    defaultValue: '',
    label: 'Products folder',
    description: 'Where products/<slug>.product.json live. Empty means the products folder in the data dir.',
    env: 'LEVQOR_PRODUCTS_DIR',
  },
  logLevel: {
    schema: z.enum(['debug', 'info', 'warn', 'error'], { error: () => 'must be debug, info, warn or error' }),
    defaultValue: 'info',
    label: 'Log level',
    description: 'How much the app writes to its JSON log in the data dir.',
    env: 'LEVQOR_LOG_LEVEL',
  },
  'updates.autoCheck': {
    schema: z.boolean({ error: () => 'must be true or false' }),
    defaultValue: true,
    label: 'Check for updates',
    description: 'The desktop app looks for a new version at start; a failed check only logs.',
    env: undefined,
  },
} as const satisfies Record<string, SettingDefinition>;

export interface SettingDefinition {
  schema: z.ZodType;
  defaultValue: unknown;
  label: string;
  description: string;
  env: string | undefined;
}

export type SettingKey = keyof typeof settingDefinitions;
export const settingKeys = Object.keys(settingDefinitions) as SettingKey[];
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingDefinitions)[K]['schema']>;

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(settingDefinitions, key);
}
