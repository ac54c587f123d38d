import { z } from 'zod';
import { backupOwnerSchema, planNameSchema, retentionPolicySchema } from '../backup';
import { parseRepository, repositoryKinds } from '../backup-repository';
import { approvalStatuses } from '../workflow';
import { backupOperationDetailSchema, backupOperationSchema, backupScheduleSchema, planChangesSchema, planRunPolicySchema, restoreResultSchema, snapshotIdSchema } from './backup';
import { approvalSchema } from './approvals';
import { epochMs, howMany, listOf, noInput } from './common';
import { procedure } from './procedure';

// What the Backups area of the app calls. A page never names a path on this machine
// (docs/security.md "Files of this machine"), so these answer and take no such path: a folder
// source is "a folder", a local repository is "the app's data folder" or "a folder on this
// machine", a snapshot's tree is seen from its roots (app-data, products, folder-1 …), and a
// restore goes to a folder the app makes under its data folder's restores/, named by the page.

/** A plan as the page sees it: no path of this machine in it. */
export const pagePlanSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    owner: backupOwnerSchema,
    /** app, postgres, or folder (which folder is for the command line to show). */
    sources: z.array(z.enum(['app', 'folder', 'postgres'])),
    repoKind: z.enum(repositoryKinds),
    /** A URL kind as typed (password as ***); a local one in words: where it is, not its path. */
    repository: z.string(),
    schedule: backupScheduleSchema.nullable(),
    /** When the schedule next comes round. */
    nextRun: epochMs.nullable(),
    retention: retentionPolicySchema,
    /** When restic check runs on its own (none: by hand only). */
    checkSchedule: backupScheduleSchema.nullable(),
    runPolicy: planRunPolicySchema,
    passwordSet: z.boolean(),
    /** The newest backup operation, whatever its end. */
    lastBackup: backupOperationSchema.nullable(),
    /** The newest backup that made a snapshot. */
    lastSuccess: backupOperationSchema.nullable(),
    /** A backup of this plan running now. */
    running: backupOperationSchema.nullable(),
  })
  .strict();
export type PagePlan = z.infer<typeof pagePlanSchema>;

/** A snapshot with the figures of the backup that made it (none for one the app did not make). */
export const pageSnapshotSchema = z
  .object({
    id: z.string(),
    shortId: z.string(),
    time: epochMs,
    tags: z.array(z.string()),
    bytes: z.number().int().nullable(),
    files: z.number().int().nullable(),
    bytesAdded: z.number().int().nullable(),
  })
  .strict();
export type PageSnapshot = z.infer<typeof pageSnapshotSchema>;

/** A path inside a snapshot as the page names it: a root's name (app-data, products, folder-1 …), then the path below it. */
export const pagePathSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(4096, 'is too long')
  .regex(/^(app-data|products|folder-\d{1,2})(\/[^/\0]+)*$/, 'must be a path the snapshot browser shows (app-data/…, products/…, folder-1/…)')
  .refine((p) => !p.split('/').some((part) => part === '.' || part === '..'), 'must not hold . or .. parts');

export const pageEntrySchema = z
  .object({ name: z.string(), type: z.string(), path: z.string(), size: z.number().int().nullable(), mtime: epochMs.nullable() })
  .strict();
export type PageEntry = z.infer<typeof pageEntrySchema>;

/** A repository the page can make: one in the app's data folder, or a URL kind (a local folder is for the command line). */
export const pageRepositorySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('appData') }).strict(),
  z
    .object({
      kind: z.literal('url'),
      url: z
        .string({ error: () => 'is required' })
        .max(2048, 'is too long')
        .superRefine((value, ctx) => {
          const parsed = parseRepository(value);
          if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
          else if (parsed.repository.kind === 'local') ctx.addIssue({ code: 'custom', message: 'must be a URL (rest:, sftp:, s3: or rclone:); a folder on this machine is added with levqor backup plan add' });
        }),
    })
    .strict(),
]);

/** The shortest repository password the page accepts (the command line leaves it to the founder). */
export const pagePasswordMin = 8;

export const pageAddPlanInputSchema = z
  .object({
    name: planNameSchema,
    repository: pageRepositorySchema,
    password: z.string({ error: () => 'is required: the repository password' }).min(pagePasswordMin, `must be at least ${pagePasswordMin} characters`).max(1024, 'is too long'),
    client: z.object({ name: z.string().trim().min(1, 'must not be empty').max(200, 'is too long'), email: z.email('must be an email address').optional() }).strict().optional(),
    schedule: z.string().min(1, 'must not be empty').max(200, 'is too long').optional(),
    timezone: z.string().min(1, 'must not be empty').max(100, 'is too long').optional(),
    retention: retentionPolicySchema.default({}),
  })
  .strict();
export type PageAddPlanInput = z.input<typeof pageAddPlanInputSchema>;

const planRef = z.object({ plan: planNameSchema }).strict();
const snapshotRef = planRef.extend({ snapshot: snapshotIdSchema }).strict();

/** What a retention policy keeps (with restic's reasons) and removes, as the page shows it. */
const retentionViewShape = {
  keep: z.array(z.object({ shortId: z.string(), time: epochMs, tags: z.array(z.string()), reasons: z.array(z.string()) }).strict()),
  remove: z.array(z.object({ shortId: z.string(), time: epochMs, tags: z.array(z.string()) }).strict()),
};

/** A plan's changes as the Backups area sends them (no paths: sources and excludes are for the command line). */
export const pageEditPlanInputSchema = planChangesSchema.extend({ plan: planNameSchema }).strict();
export type PageEditPlanInput = z.input<typeof pageEditPlanInputSchema>;

export const backupPageProcedures = {
  'backup.pageEngine': procedure({
    summary: 'The restic the app runs and its version, or why there is none it can use and how to install it (no path: for the Backups area).',
    input: noInput,
    output: z.object({ found: z.boolean(), version: z.string().nullable(), from: z.enum(['setting', 'path']).nullable(), minimum: z.string(), problem: z.string().nullable() }).strict(),
  }),
  'backup.pagePlans': procedure({
    summary: 'Every backup plan as the Backups area shows it: last backup, status, next run, size, owner (no path of this machine).',
    input: noInput,
    output: listOf('plans', pagePlanSchema),
  }),
  'backup.pageAddPlan': procedure({
    summary: 'Add a plan from the Backups area: the app\u2019s own data, into a repository in the app\u2019s data folder (backups/<name>) or at a URL (rest:, sftp:, s3:, rclone:); folder sources and other local repositories are for levqor backup plan add.',
    input: pageAddPlanInputSchema,
    output: pagePlanSchema,
  }),
  'backup.pageSnapshots': procedure({
    summary: 'A plan\u2019s snapshots, newest first, with the size, files and added bytes of the backup that made each.',
    input: planRef,
    output: listOf('snapshots', pageSnapshotSchema),
  }),
  'backup.pageBrowse': procedure({
    summary: 'One folder of a snapshot seen from its roots (app-data, products, folder-1 …): its roots when no path is given.',
    input: snapshotRef.extend({ path: pagePathSchema.optional() }).strict(),
    output: z.object({ entries: z.array(pageEntrySchema) }).strict(),
  }),
  'backup.pageRestore': procedure({
    summary: 'Restore a snapshot (or one file or folder of it) into a new folder of the app\u2019s data folder\u2019s restores/, named by the page; answers the full path it went to.',
    input: snapshotRef
      .extend({
        path: pagePathSchema.optional(),
        folder: z
          .string({ error: () => 'is required: the name of the new folder under restores/' })
          .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'must be a folder name: letters, digits, dots, dashes and underscores, starting with a letter or digit'),
      })
      .strict(),
    output: restoreResultSchema.extend({ restoredAt: z.string() }).strict(),
  }),
  'backup.pageRestoreApp': procedure({
    summary:
      'Ask to restore the app\u2019s own data from a snapshot of a plan with the app source: a Class C approval (subject backup.restoreApp) that appears in the Approvals inbox; nothing changes until it is approved, then the live data is backed up first and the app restarts on the restored data.',
    input: snapshotRef,
    output: approvalSchema,
  }),
  'backup.pageRetention': procedure({
    summary: 'What the plan\u2019s retention policy would keep (with restic\u2019s reasons) and remove: restic forget --dry-run, nothing changed.',
    input: planRef,
    output: z.object(retentionViewShape).strict(),
  }),
  'backup.pageApplyRetention': procedure({
    summary:
      'Apply the plan\u2019s retention policy from the Backups area (backup.applyRetention without paths): pre-launch it asks a Class B approval and answers the request (nothing removed yet); post-launch it forgets and prunes and answers the operation; a policy that removes nothing does nothing.',
    input: planRef,
    output: z
      .object({
        ...retentionViewShape,
        /** The forget that ran (post-launch, when something was to go). */
        operation: backupOperationSchema.nullable(),
        /** Pre-launch: the request waiting in the Approvals inbox. */
        approval: z.object({ id: z.string(), status: z.enum(approvalStatuses), expiresAt: epochMs.nullable() }).strict().nullable(),
      })
      .strict(),
  }),
  'backup.pageUpdatePlan': procedure({
    summary:
      'Change a plan from the Backups area: schedule, timezone, retention, check schedule, client and how its scheduled work runs (no paths: sources and excludes are for levqor backup plan edit). A field left out stays; null takes it away. The repository and its password cannot be changed.',
    input: pageEditPlanInputSchema,
    output: pagePlanSchema,
  }),
  'backup.pageHistory': procedure({
    summary: 'A plan\u2019s operations, newest first; errors with the paths of this machine put in words.',
    input: planRef.extend({ limit: howMany(500, 50) }).strict(),
    output: listOf('operations', backupOperationSchema),
  }),
  'backup.pageOperation': procedure({
    summary: 'One operation with restic\u2019s kept log, the paths of this machine put in words.',
    input: z.object({ id: z.string().min(1, 'must not be empty').max(64, 'is not an operation id') }).strict(),
    output: backupOperationDetailSchema,
  }),
};
