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
