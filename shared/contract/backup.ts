import { z } from 'zod';
import {
  backupOwnerSchema,
  backupSourceSchema,
  excludeSchema,
  planNameSchema,
  planRunPolicyInput,
  catchUpChoices,
  overlapChoices,
  readDataSubsetSchema,
  repositorySchema,
  retentionPolicySchema,
} from '../backup';
import { repositoryKinds } from '../backup-repository';
import { approvalStatuses } from '../workflow';
import { approvalSchema } from './approvals';
import { epochMs, listOf, noInput, howMany } from './common';
import { event, procedure } from './procedure';

/** A cron expression and the IANA timezone it is read in. */
export const backupScheduleSchema = z.object({ cron: z.string(), timezone: z.string() }).strict();

/** A plan's run policy as callers see it (shared/backup.ts PlanRunPolicy). */
export const planRunPolicySchema = z
  .object({
    retries: z.number().int(),
    retryDelayMs: z.number().int(),
    overlap: z.enum(overlapChoices),
    catchUp: z.enum(catchUpChoices),
    checkTimeoutMs: z.number().int(),
  })
  .strict();

/** A plan as every caller sees it: its repository without any password in it, and whether its repository password is stored. */
export const backupPlanSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    owner: backupOwnerSchema,
    sources: z.array(backupSourceSchema),
    excludes: z.array(z.string()),
    repo: z.string(),
    repoKind: z.enum(repositoryKinds),
    schedule: backupScheduleSchema.nullable(),
    retention: retentionPolicySchema,
    check: z.object({ schedule: backupScheduleSchema.nullable(), readDataSubset: z.string().nullable() }).strict(),
    /** How its scheduled work runs: retries of a failed backup, overlap, catch-up, and the check's time limit. */
    runPolicy: planRunPolicySchema,
    passwordSet: z.boolean(),
    createdAt: epochMs,
    updatedAt: epochMs,
  })
  .strict();
export type BackupPlan = z.infer<typeof backupPlanSchema>;

export const operationKinds = ['init', 'backup', 'forget', 'check', 'restore'] as const;
export type OperationKind = (typeof operationKinds)[number];
/** interrupted: the process running it ended (killed, crashed) before it finished. */
export const operationStatuses = ['running', 'succeeded', 'failed', 'cancelled', 'interrupted'] as const;
export type OperationStatus = (typeof operationStatuses)[number];

/** One thing done to a plan's repository, as the history lists it. */
export const backupOperationSchema = z
  .object({
    id: z.string(),
    planId: z.string().nullable(),
    plan: z.string(),
    kind: z.enum(operationKinds),
    status: z.enum(operationStatuses),
    startedAt: epochMs,
    finishedAt: epochMs.nullable(),
    durationMs: z.number().int().nullable(),
    /** Bytes read from the sources (backup) or removed from the repository (forget). */
    bytes: z.number().int().nullable(),
    files: z.number().int().nullable(),
    /** What the backup added to the repository after deduplication. */
    bytesAdded: z.number().int().nullable(),
    snapshotId: z.string().nullable(),
    error: z.string().nullable(),
    resticVersion: z.string().nullable(),
  })
  .strict();
export type BackupOperation = z.infer<typeof backupOperationSchema>;

/** An operation with restic's standard error as it was kept (credentials taken out). */
export const backupOperationDetailSchema = backupOperationSchema.extend({ log: z.string() }).strict();
export type BackupOperationDetail = z.infer<typeof backupOperationDetailSchema>;

export const backupSnapshotSchema = z
  .object({
    id: z.string(),
    shortId: z.string(),
    time: epochMs,
    paths: z.array(z.string()),
    tags: z.array(z.string()),
    hostname: z.string().nullable(),
  })
  .strict();
export type BackupSnapshot = z.infer<typeof backupSnapshotSchema>;

/** What a retention policy does, group by group (restic groups by host and paths): each kept snapshot with restic's reasons. */
export const forgetResultSchema = z
  .object({
    dryRun: z.boolean(),
    groups: z.array(
      z
        .object({
          host: z.string().nullable(),
          paths: z.array(z.string()),
          keep: z.array(z.object({ snapshot: backupSnapshotSchema, reasons: z.array(z.string()) }).strict()),
          remove: z.array(backupSnapshotSchema),
        })
        .strict(),
    ),
    /** The forget that ran (none for a dry run, which changes nothing). */
    operation: backupOperationSchema.nullable(),
    /** Pre-launch, applying retention asks first (subject backup.forget): the request waiting, with this dry run as its preview. */
    approval: z.object({ id: z.string(), status: z.enum(approvalStatuses), expiresAt: epochMs.nullable() }).strict().nullable().optional(),
  })
  .strict();
export type ForgetResult = z.infer<typeof forgetResultSchema>;

/** The restic the app runs, or why there is none it can. */
export const backupEngineSchema = z
  .object({
    found: z.boolean(),
    path: z.string().nullable(),
    version: z.string().nullable(),
    from: z.enum(['setting', 'path']).nullable(),
    minimum: z.string(),
    problem: z.string().nullable(),
  })
  .strict();
export type BackupEngine = z.infer<typeof backupEngineSchema>;

export const backupProgressSchema = z
  .object({
    operationId: z.string(),
    plan: z.string(),
    /** 0 to 1. */
    percent: z.number(),
    filesDone: z.number().int(),
    totalFiles: z.number().int().nullable(),
    bytesDone: z.number().int(),
    totalBytes: z.number().int().nullable(),
    secondsRemaining: z.number().int().nullable(),
  })
  .strict();
export type BackupProgress = z.infer<typeof backupProgressSchema>;

/** One entry of a snapshot's tree, as `restic ls` lists it. */
export const snapshotEntrySchema = z
  .object({
    name: z.string(),
    type: z.string(),
    path: z.string(),
    size: z.number().int().nullable(),
    mtime: epochMs.nullable(),
  })
  .strict();
export type SnapshotEntry = z.infer<typeof snapshotEntrySchema>;

/** A snapshot by its id or the first 8 or more hex digits of it (as `backup snapshots` shows it). */
export const snapshotIdSchema = z.string().regex(/^[0-9a-f]{8,64}$/, 'must be a snapshot id: 8 to 64 hex digits, as levqor backup snapshots PLAN shows them');
/** A path inside a snapshot, as `backup ls` shows it. */
const snapshotPathSchema = z.string().min(1, 'must not be empty').max(4096, 'is too long').regex(/^\//, 'must be a path inside the snapshot, starting with / (as levqor backup ls shows it)');

/** What a restore did: its operation, and where the files went. */
export const restoreResultSchema = z
  .object({ operation: backupOperationSchema, target: z.string(), files: z.number().int(), bytes: z.number().int() })
  .strict();
export type RestoreResult = z.infer<typeof restoreResultSchema>;

/** A plan whose last successful backup is older than 1.5\u00d7 its schedule's interval. */
export const stalePlanSchema = z
  .object({
    planId: z.string(),
    plan: z.string(),
    schedule: backupScheduleSchema,
    intervalMs: z.number().int(),
    /** null: no backup of the plan has succeeded yet (the age runs from the plan's creation). */
    lastSuccessAt: epochMs.nullable(),
    ageMs: z.number().int(),
    at: epochMs,
  })
  .strict();
export type StalePlanEvent = z.infer<typeof stalePlanSchema>;

const planRef = z.object({ plan: planNameSchema }).strict();
const cron = z.string().min(1, 'must not be empty').max(200, 'is too long');
const timezone = z.string().min(1, 'must not be empty').max(100, 'is too long');

/** A done-for-you client: whose data a plan keeps. */
export const clientSchema = z.object({ name: z.string().trim().min(1, 'must not be empty').max(200, 'is too long'), email: z.email('must be an email address').optional() }).strict();

export const addPlanInputSchema = z
  .object({
    name: planNameSchema,
    repo: repositorySchema,
    /** The repository's password (a new repository is made with it): stored encrypted, handed to restic in its environment only. */
    password: z.string({ error: () => 'is required: the repository password (read from standard input)' }).min(1, 'must not be empty').max(1024, 'is too long'),
    sources: z.array(backupSourceSchema).min(1, 'give at least one source: app (the app\u2019s own data) or a folder').max(50, 'at most 50 sources'),
    excludes: z.array(excludeSchema).max(200, 'at most 200 patterns').default([]),
    schedule: cron.optional(),
    /** Default: this machine's timezone. */
    timezone: timezone.optional(),
    retention: retentionPolicySchema.default({}),
    client: clientSchema.optional(),
    checkSchedule: cron.optional(),
    checkReadDataSubset: readDataSubsetSchema.optional(),
    ...planRunPolicyInput,
  })
  .strict();
export type AddPlanInput = z.input<typeof addPlanInputSchema>;

/** A field a plan keeps: named only to say so. */
const fixed = z.undefined({ error: () => 'cannot be changed: a plan keeps its repository and its password (remove the plan, whose snapshots stay, and add it again to move it)' });

/**
 * What may change in a plan: a field left out stays as it is; null takes it away (the schedule,
 * the check schedule, the client). The repository and its password are not here: a plan keeps
 * them (remove it and add it again to move it).
 */
export const planChangesSchema = z
  .object({
    schedule: cron.nullable().optional(),
    timezone: timezone.optional(),
    retention: retentionPolicySchema.optional(),
    client: clientSchema.nullable().optional(),
    checkSchedule: cron.nullable().optional(),
    checkReadDataSubset: readDataSubsetSchema.nullable().optional(),
    ...planRunPolicyInput,
    repo: fixed.optional(),
    password: fixed.optional(),
  })
  .strict();
export type PlanChanges = z.input<typeof planChangesSchema>;

/** Changes that may also name folders of this machine (the command line's plan edit). */
export const updatePlanInputSchema = planChangesSchema
  .extend({
    plan: planNameSchema,
    sources: addPlanInputSchema.shape.sources.optional(),
    excludes: z.array(excludeSchema).max(200, 'at most 200 patterns').optional(),
  })
  .strict();
export type UpdatePlanInput = z.input<typeof updatePlanInputSchema>;

export const backupProcedures = {
  'backup.engine': procedure({
    summary: 'The restic the app runs (the setting backup.resticPath or PATH) and its version, or why there is none it can use.',
    input: noInput,
    output: backupEngineSchema,
  }),
  'backup.plans': procedure({
    summary: 'Every backup plan: owner, sources, repository (without passwords), schedule, retention and check schedule.',
    input: noInput,
    output: listOf('plans', backupPlanSchema),
  }),
  'backup.plan': procedure({
    summary: 'One backup plan by name.',
    input: planRef,
    output: backupPlanSchema,
  }),
  'backup.addPlan': procedure({
    summary: 'Add a backup plan: its repository is made when new (with the password given), or opened with it to prove the password, before anything is stored.',
    input: addPlanInputSchema,
    output: backupPlanSchema,
    localPaths: ['repo', 'sources'],
  }),
  'backup.updatePlan': procedure({
    summary:
      'Change a backup plan: schedule, timezone, retention policy, check schedule, client, sources, excludes and how its scheduled work runs (retries, overlap, catch-up, check timeout). A field left out stays; null takes it away. The repository and its password cannot be changed here (remove the plan and add it again). Its schedules are planned again at once.',
    input: updatePlanInputSchema,
    output: backupPlanSchema,
    localPaths: ['sources'],
  }),
  'backup.removePlan': procedure({
    summary: 'Remove a backup plan and its stored password; the repository and its snapshots stay where they are, and its history is kept.',
    input: planRef,
    output: backupPlanSchema,
  }),
  'backup.initRepo': procedure({
    summary: 'Make the plan\u2019s restic repository when there is none yet (CONFLICT when there is).',
    input: planRef,
    output: backupOperationSchema,
  }),
  'backup.repoStatus': procedure({
    summary: 'Whether the plan\u2019s repository is there and opens with its password; its snapshot count and sizes.',
    input: planRef,
    output: z
      .object({
        plan: z.string(),
        repo: z.string(),
        state: z.enum(['ready', 'missing']),
        snapshots: z.number().int().nullable(),
        restoreSize: z.number().int().nullable(),
        storedSize: z.number().int().nullable(),
      })
      .strict(),
  }),
  'backup.run': procedure({
    summary: 'Back up a plan\u2019s sources now (restic backup). With wait, answers when it has finished; otherwise at once, with the operation running.',
    input: planRef.extend({ wait: z.boolean().default(false) }).strict(),
    output: backupOperationSchema,
  }),
  'backup.cancel': procedure({
    summary: 'Stop a running operation of this process (restic is asked to stop, so the repository stays consistent).',
    input: z.object({ id: z.string().min(1, 'must not be empty').max(64, 'is not an operation id') }).strict(),
    output: backupOperationSchema,
  }),
  'backup.snapshots': procedure({
    summary: 'The snapshots in a plan\u2019s repository, newest first.',
    input: planRef,
    output: listOf('snapshots', backupSnapshotSchema),
  }),
  'backup.forget': procedure({
    summary: 'Apply the plan\u2019s retention policy (restic forget --prune; pre-launch through a Class B approval, as backup.applyRetention); with dryRun, only what it would keep (and why) and remove.',
    input: planRef.extend({ dryRun: z.boolean().default(false) }).strict(),
    output: forgetResultSchema,
  }),
  'backup.applyRetention': procedure({
    summary:
      'Apply the plan\u2019s retention policy. Pre-launch it asks a Class B approval first (subject backup.forget) and answers with the dry run and the request; nothing is removed until it is approved. Post-launch it forgets and prunes at once.',
    input: planRef,
    output: forgetResultSchema,
  }),
  'backup.check': procedure({
    summary: 'Check the plan\u2019s repository (restic check, with the plan\u2019s --read-data-subset when it has one); the result is kept in the history.',
    input: planRef,
    output: backupOperationDetailSchema,
  }),
  'backup.ls': procedure({
    summary: 'The entries of a snapshot of the plan: under PATH (one level) when given, otherwise the whole tree.',
    input: planRef.extend({ snapshot: snapshotIdSchema, path: snapshotPathSchema.optional() }).strict(),
    output: z.object({ snapshot: backupSnapshotSchema, entries: z.array(snapshotEntrySchema) }).strict(),
  }),
  'backup.restore': procedure({
    summary: 'Restore a snapshot of the plan (or only --include PATH and what is under it) into a new or empty folder that holds no live data (not inside a plan\u2019s source folders or the app\u2019s data folder, except its restores folder); an operation of the history.',
    input: planRef
      .extend({
        snapshot: snapshotIdSchema,
        target: z.string({ error: () => 'is required: the folder to restore into' }).min(1, 'must not be empty').max(4096, 'is too long'),
        include: snapshotPathSchema.optional(),
      })
      .strict(),
    output: restoreResultSchema,
    localPaths: ['target'],
  }),
  'backup.restoreApp': procedure({
    summary:
      'Ask to restore the app\u2019s own data from a snapshot of a plan with the app source: a Class C approval (subject backup.restoreApp). Nothing changes until it is approved in the process that has the data open (levqor serve or the desktop app when one runs, else levqor approvals approve); then the snapshot is verified and migrated, the live data backed up (tag levqor-pre-restore), the database swapped in and the core restarted.',
    input: planRef.extend({ snapshot: snapshotIdSchema }).strict(),
    output: approvalSchema,
  }),
  'backup.history': procedure({
    summary: 'Operations on backup repositories, newest first: all plans, or one.',
    input: z.object({ plan: planNameSchema.optional(), limit: howMany(500, 50) }).strict(),
    output: listOf('operations', backupOperationSchema),
  }),
  'backup.operation': procedure({
    summary: 'One operation with restic\u2019s standard error as it was kept.',
    input: z.object({ id: z.string().min(1, 'must not be empty').max(64, 'is not an operation id') }).strict(),
    output: backupOperationDetailSchema,
  }),
};

export const backupEvents = {
  'backup.progress': event({ summary: 'A running backup\u2019s progress, from restic\u2019s status lines.', payload: backupProgressSchema }),
  'backup.succeeded': event({ summary: 'A backup made its snapshot.', payload: backupOperationSchema }),
  'backup.failed': event({ summary: 'A backup failed, was cancelled or was interrupted.', payload: backupOperationSchema }),
  'backup.stale': event({ summary: 'A plan\u2019s last successful backup is older than 1.5\u00d7 its schedule\u2019s interval (announced once until its next successful backup).', payload: stalePlanSchema }),
  'check.failed': event({ summary: 'A restic check of a plan\u2019s repository found problems, or could not run (its report is in the operation\u2019s log).', payload: backupOperationSchema }),
};

