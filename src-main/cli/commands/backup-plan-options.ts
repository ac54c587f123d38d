import { resolve } from 'node:path';
import { LevqorError } from '../../../shared/contract';
import type { AddPlanInput, BackupPlan } from '../../../shared/contract/backup';
import { planDurationText, type BackupSource } from '../../../shared/backup';
import type { OptionSpec, ParsedArgs } from '../command';
import { formatRows } from '../format';
import { textOption } from '../options';

// What `backup plan add` and `backup plan edit` share: the options that describe a plan, how
// they become the input of the contract, and how the contract's errors are said back in the
// options' own names.

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
  plan: 'PLAN',
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
  retries: '--retries',
  retryDelay: '--retry-delay',
  overlap: '--overlap',
  catchUp: '--catch-up',
  checkTimeout: '--check-timeout',
  ...Object.fromEntries(Object.entries(keepOptions).map(([option, key]) => [`retention.${key}`, `--${option}`])),
};

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
}

/** The error with its field under the option's name: `--keep-last: must be …`, `--source (2nd): … is not a folder`. */
export function inOptionWords(err: unknown): unknown {
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

export function sourcesFrom(texts: string[]): BackupSource[] {
  return texts.map((t) => (t === 'app' ? { kind: 'app' } : t === 'postgres' ? { kind: 'postgres' } : { kind: 'folder', path: resolve(t) }));
}

/** The --keep-… options given, as a retention policy (empty when none is). */
export function retentionFrom(args: ParsedArgs): AddPlanInput['retention'] & object {
  const text = (option: string) => textOption(args.values[option]);
  const tags = args.lists?.['keep-tag'];
  return Object.fromEntries(
    [...Object.entries(keepOptions).map(([option, key]) => [key, count(text(option))]), ['keepWithin', text('keep-within')], ['keepTags', tags?.length ? tags : undefined]].filter(([, v]) => v !== undefined),
  ) as AddPlanInput['retention'] & object;
}

/** The fields given as plain text options (schedule, timezone, check, run policy), each only when given. */
export function textFieldsFrom(args: ParsedArgs) {
  const text = (option: string) => textOption(args.values[option]);
  const given = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));
  return {
    ...given('schedule', text('schedule')),
    ...given('timezone', text('timezone')),
    ...given('checkSchedule', text('check-schedule')),
    ...given('checkReadDataSubset', text('check-read-data-subset')),
    ...given('retries', count(text('retries')) as number | undefined),
    ...given('retryDelay', text('retry-delay')),
    ...given('overlap', text('overlap') as 'skip' | 'queue' | undefined),
    ...given('catchUp', text('catch-up') as 'latest' | 'none' | undefined),
    ...given('checkTimeout', text('check-timeout')),
  };
}

/** --client and --client-email as the plan's client, when --client is given. */
export function clientFrom(args: ParsedArgs): { name: string; email?: string } | undefined {
  const name = textOption(args.values.client);
  const email = textOption(args.values['client-email']);
  return name === undefined ? undefined : { name, ...(email !== undefined ? { email } : {}) };
}

export function describePlan(plan: BackupPlan): string {
  const sources = plan.sources.map((s) => (s.kind === 'folder' ? s.path : s.kind === 'app' ? 'app data' : 'remote Postgres (not backed up yet)'));
  const keep = Object.entries(plan.retention).map(([k, v]) => `${k.replace(/^keep/, '').toLowerCase()} ${Array.isArray(v) ? v.join(',') : v}`);
  const run = plan.runPolicy;
  return formatRows([
    ['Plan', plan.name],
    ['Owner', plan.owner.kind === 'own' ? 'own business' : `client ${plan.owner.name}${plan.owner.email ? ` <${plan.owner.email}>` : ''}`],
    ['Repository', `${plan.repo} (${plan.repoKind})`],
    ['Password', plan.passwordSet ? 'stored (encrypted)' : 'not stored'],
    ['Sources', sources.join(', ')],
    ['Excludes', plan.excludes.join(', ') || 'none'],
    ['Schedule', plan.schedule ? `${plan.schedule.cron} (${plan.schedule.timezone})` : 'by hand only'],
    ['Retries', run.retries === 0 ? 'a failed scheduled backup is not tried again' : `${run.retries}, the first after ${planDurationText(run.retryDelayMs)} (then doubling)`],
    ['Overlap', run.overlap === 'skip' ? 'skip (a fire while the last backup runs is dropped)' : 'queue (a fire while the last backup runs waits for it)'],
    ['Catch-up', run.catchUp === 'latest' ? 'latest (the newest missed fire within a day runs once)' : 'none (missed fires do not run)'],
    ['Keep', keep.join(', ') || 'every snapshot'],
    ['Check', plan.check.schedule ? `${plan.check.schedule.cron}${plan.check.readDataSubset ? `, reading ${plan.check.readDataSubset} of the data` : ''}` : 'by hand only'],
    ['Check timeout', planDurationText(run.checkTimeoutMs)],
  ]);
}

/** The options that describe a plan, for add and edit alike. */
export const planOptions: Record<string, OptionSpec> = {
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
  retries: { type: 'string', description: 'how many times a failed scheduled backup is tried again (default 2)' },
  'retry-delay': { type: 'string', description: 'the wait before the first retry, doubling after (default 1m; 30s, 10m, 1h)' },
  overlap: { type: 'string', description: 'a fire while the last scheduled backup still runs: skip (default) or queue' },
  'catch-up': { type: 'string', description: 'fires missed while the app was closed: latest (default: the newest within a day runs once) or none' },
  'check-timeout': { type: 'string', description: 'how long restic check may run before it is stopped and fails (default 12h)' },
};

/** The usage text of the options above. */
export const planOptionsUsage =
  '[--source app] [--source PATH …] [--exclude GLOB …] [--schedule CRON] [--timezone TZ] [--keep-last N] [--keep-hourly N] [--keep-daily N] [--keep-weekly N] [--keep-monthly N] [--keep-yearly N] [--keep-within DURATION] [--keep-tag TAG …] [--client NAME] [--client-email EMAIL] [--check-schedule CRON] [--check-read-data-subset S] [--retries N] [--retry-delay DURATION] [--overlap skip|queue] [--catch-up latest|none] [--check-timeout DURATION]';
