import { z } from 'zod';
import { parseRepository } from './backup-repository';

// A backup plan as the founder describes it: what, where, when, and how long to keep it.

const keepCount = (what: string) =>
  z.number({ error: () => `must be a number of ${what}` }).int(`must be a whole number of ${what}`).min(1, 'must be at least 1').max(100_000, 'must be at most 100000');

/** restic's duration form: years, months, days, hours (1y6m, 30d, 12h). */
export const keepWithinPattern = /^(?=\d)(\d+y)?(\d+m)?(\d+d)?(\d+h)?$/;

/** restic's own retention flags; a snapshot is kept when any of them keeps it. */
export const retentionPolicySchema = z
  .object({
    keepLast: keepCount('snapshots').optional(),
    keepHourly: keepCount('hours').optional(),
    keepDaily: keepCount('days').optional(),
    keepWeekly: keepCount('weeks').optional(),
    keepMonthly: keepCount('months').optional(),
    keepYearly: keepCount('years').optional(),
    keepWithin: z.string().regex(keepWithinPattern, 'must be a duration in restic\u2019s form: years, months, days, hours, e.g. 1y6m, 30d or 12h').optional(),
    keepTags: z.array(z.string().min(1, 'must not be empty').max(100, 'is too long').regex(/^[^,\s]+$/, 'must be one tag without commas or spaces')).max(20).optional(),
  })
  .strict();
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

/** Whether a policy says anything; restic refuses to forget with no policy at all. */
export function hasRetention(policy: RetentionPolicy): boolean {
  return Object.values(policy).some((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined));
}

/** app: the app's own data (database snapshot, products folder); folder: one the founder names; postgres: the remote database (pg_dump into restic, its own snapshot). */
export const backupSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('app') }).strict(),
  z.object({ kind: z.literal('folder'), path: z.string().min(1, 'must not be empty').max(4096, 'is too long') }).strict(),
  z.object({ kind: z.literal('postgres') }).strict(),
]);
export type BackupSource = z.infer<typeof backupSourceSchema>;

/** Whose data a plan keeps: the founder's own business, or a done-for-you client's. */
export const backupOwnerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('own') }).strict(),
  z
    .object({
      kind: z.literal('client'),
      name: z.string().trim().min(1, 'must not be empty').max(200, 'is too long'),
      email: z.email('must be an email address').optional(),
    })
    .strict(),
]);
export type BackupOwner = z.infer<typeof backupOwnerSchema>;

/** A plan's name: how the CLI and the UI point at it. */
export const planNameSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, dots, dashes and underscores, starting with a letter or digit');

/** Where a plan's snapshots go; the reason names the forms accepted and never repeats what was typed (it may hold a password). */
export const repositorySchema = z
  .string({ error: () => 'is required' })
  .max(2048, 'is too long')
  .superRefine((value, ctx) => {
    const parsed = parseRepository(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
  });

/** restic's --exclude patterns. */
export const excludeSchema = z.string().min(1, 'must not be empty').max(1024, 'is too long').regex(/^[^\r\n\0]+$/, 'must be one line');

/** restic check --read-data-subset: a share of the packs read back (5%, 1/10, 500M). */
export const readDataSubsetSchema = z.string().regex(/^(\d{1,3}(\.\d+)?%|\d+\/\d+|\d+[KMGT]?)$/, 'must be a percentage (5%), a part (1/10) or a size (500M)');

/** What a scheduled fire does while the plan's previous scheduled backup still runs: drop it, or run once that one ends. */
export const overlapChoices = ['skip', 'queue'] as const;
export type OverlapChoice = (typeof overlapChoices)[number];
/** Fires missed while the app was closed or asleep: the newest (within a day) starts once, or none does. */
export const catchUpChoices = ['latest', 'none'] as const;
export type CatchUpChoice = (typeof catchUpChoices)[number];

/** How a plan's scheduled work runs; the defaults are what every plan did before plans had their own. */
export interface PlanRunPolicy {
  /** Tries after the first when a scheduled backup fails. */
  retries: number;
  /** The wait before the first retry; each next wait doubles (up to 15 minutes), with jitter. */
  retryDelayMs: number;
  overlap: OverlapChoice;
  catchUp: CatchUpChoice;
  /** How long a restic check may run before it is stopped and ends failed. */
  checkTimeoutMs: number;
}

export const defaultPlanRunPolicy: PlanRunPolicy = { retries: 2, retryDelayMs: 60_000, overlap: 'skip', catchUp: 'latest', checkTimeoutMs: 12 * 3_600_000 };

const durationWords = 'must be a duration such as "30s", "10m", "2h" or "1d"';
const durationMsUnits: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `"30s"`, `"10m"`, `"2h"`, `"1d"` → milliseconds; undefined for anything else. */
export function planDurationMs(text: string): number | undefined {
  const match = /^(\d{1,6})(s|m|h|d)$/.exec(text);
  return match ? Number(match[1]) * (durationMsUnits[match[2] as string] as number) : undefined;
}

/** A duration of a plan's policy, between `min` and `max` milliseconds. */
const planDuration = (minMs: number, maxMs: number, range: string) =>
  z
    .string({ error: () => durationWords })
    .refine((s) => planDurationMs(s) !== undefined, durationWords)
    .refine((s) => {
      const ms = planDurationMs(s);
      return ms === undefined || (ms >= minMs && ms <= maxMs);
    }, `must be ${range}`);

/** The run policy as the founder types it (each left out keeps its default, or its value when editing). */
export const planRunPolicyInput = {
  retries: z.number({ error: () => 'must be a number of tries' }).int('must be a whole number of tries').min(0, 'must be 0 or more').max(10, 'must be at most 10').optional(),
  retryDelay: planDuration(1000, 86_400_000, 'between 1s and 1d').optional(),
  overlap: z.enum(overlapChoices, { error: () => 'must be skip or queue' }).optional(),
  catchUp: z.enum(catchUpChoices, { error: () => 'must be latest or none' }).optional(),
  checkTimeout: planDuration(60_000, 7 * 86_400_000, 'between 1m and 7d').optional(),
};

/** Milliseconds as a plan's duration, in the largest unit that divides it (90s, 10m, 12h, 1d): what planDurationMs reads back. */
export function planDurationText(ms: number): string {
  const unit = (['d', 'h', 'm', 's'] as const).find((u) => ms % (durationMsUnits[u] as number) === 0) ?? 's';
  return `${Math.round(ms / (durationMsUnits[unit] as number))}${unit}`;
}
