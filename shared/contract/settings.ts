import { z } from 'zod';
import { procedure } from './procedure';
import { listOf } from './common';

export const settingEntrySchema = z.object({
  key: z.string(),
  label: z.string(),
  description: z.string(),
  value: z.unknown(),
  defaultValue: z.unknown(),
  /** Where the effective value comes from; `env` means an environment variable overrides the stored one. */
  source: z.enum(['default', 'stored', 'env']),
  env: z.string().optional(),
  /** Why only `levqor settings set` (or the environment) can change it, when that is so. */
  cliOnly: z.string().optional(),
});
export type SettingEntry = z.infer<typeof settingEntrySchema>;

export const settingsProcedures = {
  'settings.get': procedure({
    summary: 'Every setting (or one, by key) with its value, default and source.',
    input: z.object({ key: z.string().min(1).optional() }).strict(),
    output: listOf('settings', settingEntrySchema),
  }),
  'settings.set': procedure({
    summary: 'Store a setting; the value must pass that setting\u2019s schema.',
    input: z.object({ key: z.string().min(1, 'is required'), value: z.unknown() }).strict(),
    output: settingEntrySchema,
  }),
};
