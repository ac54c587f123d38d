import type { StagePreview, StageState } from '../../../shared/contract/stage';
import { launchStageSchema } from '../../../shared/stage';
import { CliUsageError, type Command } from '../command';
import { procedureCommand } from '../procedure-command';

function describe(state: StageState): string {
  if (state.source !== 'env') return state.stage;
  return `${state.stage} (set by LEVQOR_LAUNCH_STAGE; the stored choice is ${state.stored})`;
}

function describePreview(p: StagePreview): string {
  if (!p.changes) return p.envOverride ? `nothing changes: LEVQOR_LAUNCH_STAGE=${p.envOverride} decides the stage` : `nothing changes: the stage is ${p.current} already`;
  const steps = p.classBSteps.map((s) => `  ${s.workflowName} › ${s.name} (${s.stepType})`);
  const uploads = p.releasedUploads.map((u) => `  ${u.fileName} (${u.slug} ${u.version})`);
  return [
    `${p.classBSteps.length} Class B step(s) will ${p.stage === 'post-launch' ? 'run for real' : 'dry-run again'}${steps.length ? ':' : ''}`,
    ...steps,
    ...(p.stage === 'post-launch' ? [`${p.releasedUploads.length} pending upload(s) will be sent to Drive without approval${uploads.length ? ':' : ''}`, ...uploads] : []),
  ].join('\n');
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
  procedureCommand('stage.preview', {
    usage: 'stage preview pre-launch|post-launch',
    summary: 'What switching the stage would do: the pending uploads it releases, the Class B steps that then run for real.',
    positionals: { stage: 'the stage' },
    input: stageInput,
    show: describePreview,
  }),
  procedureCommand('stage.set', {
    usage: 'stage set pre-launch|post-launch',
    summary: 'Switch the launch stage.',
    positionals: { stage: 'the stage' },
    input: stageInput,
    show: describe,
  }),
];
