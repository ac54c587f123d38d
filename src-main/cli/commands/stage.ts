import type { StageState } from '../../../shared/contract/stage';
import { launchStageSchema } from '../../../shared/stage';
import { command, CliUsageError, noExtraPositionals, requirePositional, type Command } from '../command';

function describe(state: StageState): string {
  if (state.source !== 'env') return state.stage;
  return `${state.stage} (set by LEVQOR_LAUNCH_STAGE; the stored choice is ${state.stored})`;
}

export const stageCommands: Command[] = [
  command({
    usage: 'stage get',
    summary: 'Print the launch stage.',
    async run(ctx, args) {
      noExtraPositionals(args, 0, 'stage get');
      const state = await ctx.call('stage.get', {});
      ctx.print(state, () => describe(state));
    },
  }),
  command({
    usage: 'stage set pre-launch|post-launch',
    summary: 'Switch the launch stage.',
    async run(ctx, args) {
      const usage = 'stage set pre-launch|post-launch';
      const raw = requirePositional(args, 0, 'the stage', usage);
      noExtraPositionals(args, 1, usage);
      const stage = launchStageSchema.safeParse(raw);
      if (!stage.success) throw new CliUsageError(`stage: must be pre-launch or post-launch (got "${raw}")`);
      const state = await ctx.call('stage.set', { stage: stage.data });
      ctx.print(state, () => describe(state));
    },
  }),
];
