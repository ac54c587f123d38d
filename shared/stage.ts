import { z } from 'zod';

/** docs/architecture.md, launch stage and approvals: the launch stage decides whether Class B steps run for real. */
export const launchStages = ['pre-launch', 'post-launch'] as const;
export const launchStageSchema = z.enum(launchStages, {
  error: () => 'must be pre-launch or post-launch',
});
export type LaunchStage = z.infer<typeof launchStageSchema>;
export const defaultLaunchStage: LaunchStage = 'pre-launch';
