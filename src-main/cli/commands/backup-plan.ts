import { isAbsolute, resolve } from 'node:path';
import { LevqorError } from '../../../shared/contract';
import type { AddPlanInput, BackupPlan } from '../../../shared/contract/backup';
import type { BackupSource } from '../../../shared/backup';
import { CliUsageError, command, readPositionals, type CliContext, type Command, type OptionSpec, type ParsedArgs } from '../command';
import { formatRows } from '../format';
import { textOption } from '../options';
import { procedureCommand } from '../procedure-command';

const addUsage =
  'backup plan add NAME --repo REPO [--source app] [--source PATH …] [--exclude GLOB …] [--schedule CRON] [--timezone TZ] [--keep-last N] [--keep-hourly N] [--keep-daily N] [--keep-weekly N] [--keep-monthly N] [--keep-yearly N] [--keep-within DURATION] [--keep-tag TAG …] [--client NAME] [--client-email EMAIL] [--check-schedule CRON] [--check-read-data-subset S]';

const keepOptions = {
  'keep-last': 'keepLast',
  'keep-hourly': 'keepHourly',
  'keep-daily': 'keepDaily',
  'keep-weekly': 'keepWeekly',
  'keep-monthly': 'keepMonthly',
  'keep-yearly': 'keepYearly',
} as const;

/** The command line's name for each input field, so an error names what the founder typed. */
const optionFor: Record<string, string> = {
  name: 'NAME',
  repo: '--repo',
  password: 'the password (standard input)',
  sources: '--source',
  excludes: '--exclude',
  schedule: '--schedule',
  timezone: '--timezone',
  'retention.keepWithin': '--keep-within',
  'retention.keepTags': '--keep-tag',
  'client.name': '--client',
  'client.email': '--client-email',
  checkSchedule: '--check-schedule',
  checkReadDataSubset: '--check-read-data-subset',
  ...Object.fromEntries(Object.entries(keepOptions).map(([option, key]) => [`retention.${key}`, `--${option}`])),
};

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
}

/** The error with its field under the option's name: `--keep-last: must be …`, `--source (2nd): … is not a folder`. */
function inOptionWords(err: unknown): unknown {
  if (!(err instanceof LevqorError) || err.field === undefined) return err;
  const field = err.field;
  const key = Object.keys(optionFor).find((k) => field === k || field.startsWith(`${k}.`));
  if (key === undefined) return err;
  const index = /^\.(\d+)/.exec(field.slice(key.length));
  const nth = index ? ` (the ${ordinal(Number(index[1]) + 1)})` : '';
  const reason = err.message.startsWith(`${field}: `) ? err.message.slice(field.length + 2) : err.message;
  return new LevqorError({ code: err.code, message: `${optionFor[key]}${nth}: ${reason}`, field: err.field });
}

/** A number where the text is digits (so the contract says what is wrong with any other text). */
function count(text: string | undefined): number | string | undefined {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : text;
}

/** A local path as this shell means it (relative to where levqor was started); anything with a scheme as typed. */
function localOrAsTyped(text: string): string {
  return isAbsolute(text) || text.includes(':') ? text : resolve(text);
}

function sourcesFrom(texts: string[]): BackupSource[] {
  return texts.map((t) => (t === 'app' ? { kind: 'app' } : t === 'postgres' ? { kind: 'postgres' } : { kind: 'folder', path: resolve(t) }));
}

async function addInput(name: string, args: ParsedArgs, ctx: CliContext): Promise<AddPlanInput> {
  const { values } = args;
  const lists = args.lists ?? {};
  const text = (option: string) => textOption(values[option]);
  const retention = Object.fromEntries(
    [...Object.entries(keepOptions).map(([option, key]) => [key, count(text(option))]), ['keepWithin', text('keep-within')], ['keepTags', lists['keep-tag']?.length ? lists['keep-tag'] : undefined]].filter(([, v]) => v !== undefined),
  );
  const repo = text('repo');
  if (repo === undefined) throw new CliUsageError('--repo: is required: where the snapshots go (a folder, sftp:user@host:/path, rest:https://host/path, s3:host/bucket/path or rclone:remote:path)');
  const client = text('client');
  const email = text('client-email');
  // read last, so a mistake on the line is reported before anyone types a password
  const password = (await ctx.io.readStdin(`Repository password for ${name}: `)).replace(/\r?\n$/, '');
  return {
    name,
    repo: localOrAsTyped(repo),
    password,
    sources: sourcesFrom(lists.source ?? []),
    excludes: lists.exclude ?? [],
    retention: retention as AddPlanInput['retention'],
    ...(text('schedule') !== undefined ? { schedule: text('schedule')! } : {}),
    ...(text('timezone') !== undefined ? { timezone: text('timezone')! } : {}),
    ...(client !== undefined ? { client: { name: client, ...(email !== undefined ? { email } : {}) } } : {}),
    ...(text('check-schedule') !== undefined ? { checkSchedule: text('check-schedule')! } : {}),
    ...(text('check-read-data-subset') !== undefined ? { checkReadDataSubset: text('check-read-data-subset')! } : {}),
  };
}

function describe(plan: BackupPlan): string {
  const sources = plan.sources.map((s) => (s.kind === 'folder' ? s.path : s.kind === 'app' ? 'app data' : 'remote Postgres (not backed up yet)'));
  const keep = Object.entries(plan.retention).map(([k, v]) => `${k.replace(/^keep/, '').toLowerCase()} ${Array.isArray(v) ? v.join(',') : v}`);
  return formatRows([
    ['Plan', plan.name],
    ['Owner', plan.owner.kind === 'own' ? 'own business' : `client ${plan.owner.name}${plan.owner.email ? ` <${plan.owner.email}>` : ''}`],
    ['Repository', `${plan.repo} (${plan.repoKind})`],
    ['Password', plan.passwordSet ? 'stored (encrypted)' : 'not stored'],
    ['Sources', sources.join(', ')],
    ['Excludes', plan.excludes.join(', ') || 'none'],
    ['Schedule', plan.schedule ? `${plan.schedule.cron} (${plan.schedule.timezone})` : 'by hand only'],
    ['Keep', keep.join(', ') || 'every snapshot'],
    ['Check', plan.check.schedule ? `${plan.check.schedule.cron}${plan.check.readDataSubset ? `, reading ${plan.check.readDataSubset} of the data` : ''}` : 'by hand only'],
  ]);
}

const addOptions: Record<string, OptionSpec> = {
  repo: { type: 'string', description: 'where snapshots go: a folder, sftp:user@host:/path, rest:https://host/path, s3:host/bucket/path or rclone:remote:path' },
  source: { type: 'string', multiple: true, description: 'what to back up: app (the app\u2019s own data) or a folder; repeat for more' },
  exclude: { type: 'string', multiple: true, description: 'a restic --exclude pattern; repeat for more' },
  schedule: { type: 'string', description: 'when to back up, as cron (e.g. "0 3 * * *"); by hand only when left out' },
  timezone: { type: 'string', description: 'the IANA timezone the schedules are read in (default: this machine\u2019s)' },
  ...Object.fromEntries(Object.keys(keepOptions).map((o) => [o, { type: 'string', description: `restic --${o}: keep that many (${o.slice(5)})` } satisfies OptionSpec])),
  'keep-within': { type: 'string', description: 'restic --keep-within: keep every snapshot this recent (e.g. 30d, 1y6m)' },
  'keep-tag': { type: 'string', multiple: true, description: 'restic --keep-tag: keep snapshots with this tag; repeat for more' },
  client: { type: 'string', description: 'the done-for-you client whose data this is (default: your own business)' },
  'client-email': { type: 'string', description: 'the client\u2019s email' },
  'check-schedule': { type: 'string', description: 'when to run restic check, as cron' },
  'check-read-data-subset': { type: 'string', description: 'restic check --read-data-subset (5%, 1/10, 500M)' },
};

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
      ctx.print(plan, () => `Added backup plan ${plan.name}.\n${describe(plan)}`);
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
    show: describe,
  }),
  procedureCommand('backup.removePlan', {
    usage: 'backup plan remove PLAN',
    summary: 'Remove a backup plan and its stored password; the repository and its snapshots stay, and so does its history.',
    positionals: { plan: 'PLAN' },
    show: (p) => `Removed backup plan ${p.name}. Its snapshots are still in ${p.repo}.`,
  }),
];
