import { isAbsolute, resolve } from 'node:path';
import type { AddPlanInput, BackupPlan } from '../../../shared/contract/backup';
import { CliUsageError, command, readPositionals, type CliContext, type Command, type ParsedArgs } from '../command';
import { formatRows } from '../format';
import { textOption } from '../options';
import { procedureCommand } from '../procedure-command';
import { planEditCommand } from './backup-plan-edit';
import { clientFrom, describePlan, inOptionWords, planOptions, planOptionsUsage, retentionFrom, sourcesFrom, textFieldsFrom } from './backup-plan-options';

const addUsage = `backup plan add NAME --repo REPO ${planOptionsUsage}`;

/** A local path as this shell means it (relative to where levqor was started); anything with a scheme as typed. */
function localOrAsTyped(text: string): string {
  return isAbsolute(text) || text.includes(':') ? text : resolve(text);
}

async function addInput(name: string, args: ParsedArgs, ctx: CliContext): Promise<AddPlanInput> {
  const lists = args.lists ?? {};
  const repo = textOption(args.values.repo);
  if (repo === undefined) throw new CliUsageError('--repo: is required: where the snapshots go (a folder, sftp:user@host:/path, rest:https://host/path, s3:host/bucket/path or rclone:remote:path)');
  const client = clientFrom(args);
  // read last, so a mistake on the line is reported before anyone types a password
  const password = (await ctx.io.readStdin(`Repository password for ${name}: `)).replace(/\r?\n$/, '');
  return {
    name,
    repo: localOrAsTyped(repo),
    password,
    sources: sourcesFrom(lists.source ?? []),
    excludes: lists.exclude ?? [],
    retention: retentionFrom(args),
    ...textFieldsFrom(args),
    ...(client !== undefined ? { client } : {}),
  };
}

const addOptions = {
  repo: { type: 'string', description: 'where snapshots go: a folder, sftp:user@host:/path, rest:https://host/path, s3:host/bucket/path or rclone:remote:path' },
  ...planOptions,
} as const;

export const backupPlanCommands: Command[] = [
  command({
    usage: addUsage,
    summary: 'Add a backup plan; the repository password is read from standard input, and the repository is made when new.',
    options: addOptions,
    async run(ctx, args) {
      const [name] = readPositionals(args, ['NAME'], 'backup plan add NAME --repo REPO');
      let plan: BackupPlan;
      try {
        plan = await ctx.call('backup.addPlan', await addInput(name, args, ctx));
      } catch (err) {
        throw inOptionWords(err);
      }
      ctx.print(plan, () => `Added backup plan ${plan.name}.\n${describePlan(plan)}`);
    },
  }),
  procedureCommand('backup.plans', {
    usage: 'backup plan list',
    summary: 'Every backup plan: repository, schedule and what it keeps.',
    show: ({ plans }) => (plans.length === 0 ? 'No backup plans (levqor backup plan add NAME --repo REPO --source app).' : formatRows(plans.map((p) => [p.name, `${p.repo}  ${p.schedule ? p.schedule.cron : 'by hand'}  ${p.owner.kind === 'client' ? `client ${p.owner.name}` : ''}`.trimEnd()]))),
  }),
  procedureCommand('backup.plan', {
    usage: 'backup plan show PLAN',
    summary: 'One backup plan in full (never its password).',
    positionals: { plan: 'PLAN' },
    show: describePlan,
  }),
  planEditCommand,
  procedureCommand('backup.removePlan', {
    usage: 'backup plan remove PLAN',
    summary: 'Remove a backup plan and its stored password; the repository and its snapshots stay, and so does its history.',
    positionals: { plan: 'PLAN' },
    show: (p) => `Removed backup plan ${p.name}. Its snapshots are still in ${p.repo}.`,
  }),
];
