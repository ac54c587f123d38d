import { z } from 'zod';
import { procedure } from './procedure';
import { launchStageSchema } from '../stage';

export const appInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  stage: launchStageSchema,
  schemaVersion: z.number().int(),
  platform: z.string(),
  nodeVersion: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appProcedures = {
  'app.info': procedure({
    summary: 'Version, data dir, launch stage and database schema version.',
    input: z.object({}).strict(),
    output: appInfoSchema,
  }),
};
