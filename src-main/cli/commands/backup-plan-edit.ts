import type { UpdatePlanInput } from '../../../shared/contract/backup';
import { CliUsageError, command, readPositionals, type ParsedArgs } from '../command';
import { clientFrom, describePlan, inOptionWords, planOptions, planOptionsUsage, retentionFrom, sourcesFrom, textFieldsFrom } from './backup-plan-options';

const editUsage = `backup plan edit PLAN ${planOptionsUsage} [--no-schedule] [--no-check-schedule] [--no-client] [--no-excludes] [--keep-all]`;

const editOptions = {
  ...planOptions,
  'no-schedule': { type: 'boolean', description: 'back up by hand only (the schedule is taken away)' },
  'no-check-schedule': { type: 'boolean', description: 'run restic check by hand only' },
  'no-client': { type: 'boolean', description: 'the data is your own business\u2019s, not a client\u2019s' },
  'no-excludes': { type: 'boolean', description: 'exclude nothing' },
  'keep-all': { type: 'boolean', description: 'keep every snapshot (no retention policy)' },
  repo: { type: 'string', description: 'not changed by edit: a plan keeps its repository and password (remove it and add it again to move it)' },
} as const;

/** A --no-… switch and the option it takes away, given together: which one is meant is unclear. */
function either(args: ParsedArgs, off: string, on: string[]): boolean {
  const given = on.filter((o) => args.values[o] !== undefined || (args.lists?.[o]?.length ?? 0) > 0);
  if (args.values[off] === true && given.length > 0) throw new CliUsageError(`--${off}: give --${given[0]} or --${off}, not both`);
  return args.values[off] === true;
}

/** The changes the options give; what is not given stays as it is. */
function changesFrom(plan: string, args: ParsedArgs): UpdatePlanInput {
  if (args.values.repo !== undefined) {
    throw new CliUsageError('--repo: a plan keeps its repository and its password; to move it, remove the plan (its snapshots stay) and add it again with the new --repo');
  }
  const lists = args.lists ?? {};
  const retention = retentionFrom(args);
  const keepAll = either(args, 'keep-all', Object.keys(planOptions).filter((o) => o.startsWith('keep-')));
  const client = clientFrom(args);
  if (client === undefined && args.values['client-email'] !== undefined) throw new CliUsageError('--client-email: give --client NAME with it (the client\u2019s name and email are set together)');
  const input: UpdatePlanInput = {
    plan,
    ...textFieldsFrom(args),
    ...(either(args, 'no-schedule', ['schedule']) ? { schedule: null } : {}),
    ...(either(args, 'no-check-schedule', ['check-schedule']) ? { checkSchedule: null } : {}),
    ...(either(args, 'no-client', ['client', 'client-email']) ? { client: null } : client !== undefined ? { client } : {}),
    ...(either(args, 'no-excludes', ['exclude']) ? { excludes: [] } : lists.exclude?.length ? { excludes: lists.exclude } : {}),
    ...(keepAll ? { retention: {} } : Object.keys(retention).length > 0 ? { retention } : {}),
    ...(lists.source?.length ? { sources: sourcesFrom(lists.source) } : {}),
  };
  if (Object.keys(input).length === 1) throw new CliUsageError(`nothing to change: give at least one option (usage: levqor ${editUsage})`);
  return input;
}

/** `levqor backup plan edit PLAN …`: the same options and checks as `plan add`, each given one replacing what the plan had. */
export const planEditCommand = command({
  usage: editUsage,
  summary:
    'Change a backup plan: each option given replaces what the plan had (the --keep-… options together are its new retention policy; --source and --exclude its new lists); the rest stays. The repository and its password are not changed here. Its schedules are planned again at once.',
  options: editOptions,
  async run(ctx, args) {
    const [name] = readPositionals(args, ['PLAN'], 'backup plan edit PLAN [options]');
    let plan;
    try {
      plan = await ctx.call('backup.updatePlan', changesFrom(name, args));
    } catch (err) {
      throw inOptionWords(err);
    }
    ctx.print(plan, () => `Changed backup plan ${plan.name}.\n${describePlan(plan)}`);
  },
});
