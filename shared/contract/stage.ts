import { z } from 'zod';
import { procedure } from './procedure';
import { noInput } from './common';
import { launchStageSchema } from '../stage';

export const stageStateSchema = z.object({
  stage: launchStageSchema,
  /** The stored choice, which LEVQOR_LAUNCH_STAGE may override. */
  stored: launchStageSchema,
  source: z.enum(['default', 'stored', 'env']),
  envOverride: launchStageSchema.optional(),
});
export type StageState = z.infer<typeof stageStateSchema>;

export const stageProcedures = {
  'stage.get': procedure({
    summary: 'The effective launch stage and whether the environment overrides it.',
    input: noInput,
    output: stageStateSchema,
  }),
  'stage.set': procedure({
    summary: 'Switch between pre-launch and post-launch.',
    input: z.object({ stage: launchStageSchema }).strict(),
    output: stageStateSchema,
  }),
};
