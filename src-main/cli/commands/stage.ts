import type { StageState } from '../../../shared/contract/stage';
import { launchStageSchema } from '../../../shared/stage';
import { CliUsageError, type Command } from '../command';
import { procedureCommand } from '../procedure-command';

function describe(state: StageState): string {
  if (state.source !== 'env') return state.stage;
  return `${state.stage} (set by LEVQOR_LAUNCH_STAGE; the stored choice is ${state.stored})`;
}

function stageInput({ stage: raw }: { stage: string }) {
  const stage = launchStageSchema.safeParse(raw);
  if (!stage.success) throw new CliUsageError(`stage: must be pre-launch or post-launch (got "${raw}")`);
  return { stage: stage.data };
}

export const stageCommands: Command[] = [
  procedureCommand('stage.get', {
    usage: 'stage get',
    summary: 'Print the launch stage.',
    show: describe,
  }),
  procedureCommand('stage.set', {
    usage: 'stage set pre-launch|post-launch',
    summary: 'Switch the launch stage.',
    positionals: { stage: 'the stage' },
    input: stageInput,
    show: describe,
  }),
];
