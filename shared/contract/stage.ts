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

/** A workflow step whose class is B: it dry-runs before launch and runs for real after. */
export const stageStepSchema = z.object({
  workflowId: z.string(),
  workflowName: z.string(),
  nodeId: z.string(),
  /** The step's name, or its id when it has none. */
  name: z.string(),
  stepType: z.string(),
});
export type StageStep = z.infer<typeof stageStepSchema>;

/** A pre-launch Drive upload waiting for its approval, which going post-launch sends without one. */
export const stageUploadSchema = z.object({ id: z.string(), slug: z.string(), version: z.string(), fileName: z.string(), bytes: z.number().int() });
export type StageUpload = z.infer<typeof stageUploadSchema>;

/**
 * What switching to `stage` would do, for the founder to confirm first. `changes` is false
 * when the effective stage stays as it is (already there, or LEVQOR_LAUNCH_STAGE decides it);
 * then nothing is released. Going post-launch: `releasedUploads` are sent to Drive without
 * approval and `classBSteps` run for real; going pre-launch: those steps dry-run again.
 */
export const stagePreviewSchema = z.object({
  stage: launchStageSchema,
  current: launchStageSchema,
  changes: z.boolean(),
  envOverride: launchStageSchema.optional(),
  releasedUploads: z.array(stageUploadSchema),
  classBSteps: z.array(stageStepSchema),
});
export type StagePreview = z.infer<typeof stagePreviewSchema>;

export const stageProcedures = {
  'stage.get': procedure({
    summary: 'The effective launch stage and whether the environment overrides it.',
    input: noInput,
    output: stageStateSchema,
  }),
  'stage.preview': procedure({
    summary: 'What switching to a stage would do: the pending uploads it releases and the Class B steps that then run for real (or dry-run again).',
    input: z.object({ stage: launchStageSchema }).strict(),
    output: stagePreviewSchema,
  }),
  'stage.set': procedure({
    summary: 'Switch between pre-launch and post-launch. Going post-launch runs the preflight first (governance.preflight) and is refused with CONFLICT, naming each blocking check, while any blocks (governance.requestOverride asks to go anyway).',
    input: z.object({ stage: launchStageSchema }).strict(),
    output: stageStateSchema,
  }),
};
