import { z } from 'zod';
import { event, procedure } from './procedure';
import { epochMs, howMany, listOf, recordId as id } from './common';
import { launchStageSchema } from '../stage';
import { approvalStatusSchema, stepClassSchema } from '../workflow';

/**
 * What an approval is about. Each kind has one subject registered with the approval system
 * (core/approvals/README.md, "Adding a subject"): a run's step, a product's Drive upload, a
 * Guardian healing action, installing an app update.
 */
export const approvalSubjectKinds = ['step', 'product.upload', 'guardian.healing', 'app.update', 'backup.forget', 'backup.restoreApp', 'revenue.package', 'notify.briefing', 'stage.override', 'compliance.erase', 'compliance.retention'] as const;
export type ApprovalSubjectKind = (typeof approvalSubjectKinds)[number];
export const approvalSubjectSchema = z.object({
  kind: z.enum(approvalSubjectKinds),
  /** step: `<runId>/<nodeId>`; product.upload: the upload id; guardian.healing: the healing plan entry id; app.update: the version; backup.forget: the backup plan's id; backup.restoreApp: `<plan id>/<snapshot id>`; revenue.package: the DFY package's id; notify.briefing: the briefing's notice key (`briefing:<date>`); stage.override: the stage it switches to (`post-launch`); compliance.erase: the subject request's id; compliance.retention: the cut-off day. */
  ref: z.string(),
  /** In words, for the inbox: `Weekly report › post` or `Upload x-1.0.0.zip to Google Drive`. */
  title: z.string(),
});
export type ApprovalSubject = z.infer<typeof approvalSubjectSchema>;

/**
 * How what the owner did turned out for the founder, which decides its colour: `good` done as
 * asked (uploaded, applied, the monitor UP again), `warn` done but not finished (queued and
 * retried), `bad` it failed or found trouble ("re-checked: … is DOWN"), `none` nothing was
 * done, as decided (rejected, expired). `ok` alone only says the owner could act.
 */
export const outcomeResults = ['good', 'warn', 'bad', 'none'] as const;
export type OutcomeResult = (typeof outcomeResults)[number];

/** What the owner of a non-step subject did once the approval was decided (uploaded, applied, nothing sent…). */
export const approvalOutcomeSchema = z.object({ ok: z.boolean(), result: z.enum(outcomeResults), message: z.string(), at: epochMs });
export type ApprovalOutcome = z.infer<typeof approvalOutcomeSchema>;

export const approvalSchema = z.object({
  id: z.string(),
  subject: approvalSubjectSchema,
  /** null unless subject.kind is `step`. */
  runId: z.string().nullable(),
  nodeId: z.string().nullable(),
  workflowId: z.string().nullable(),
  workflowName: z.string().nullable(),
  /** The step type, or for other subjects the action: `drive.upload`, a healing action name, `app.install`. */
  stepType: z.string(),
  class: stepClassSchema,
  stage: launchStageSchema,
  message: z.string(),
  /** What the step would do (its preview), so the founder decides knowing the effect. */
  preview: z.unknown().optional(),
  status: approvalStatusSchema,
  requestedBy: z.string(),
  requestedAt: epochMs,
  expiresAt: epochMs.nullable(),
  onTimeout: z.enum(['reject', 'skip', 'dry-run']),
  decidedBy: z.string().nullable(),
  decidedAt: epochMs.nullable(),
  reason: z.string().nullable(),
  /** Non-step subjects: the result of acting on the decision; null until then (and for steps). */
  outcome: approvalOutcomeSchema.nullable(),
});
export type Approval = z.infer<typeof approvalSchema>;

const decisionInput = z.object({ id, reason: z.string().max(2000).optional(), by: z.string().min(1).max(200).optional() }).strict();

export const approvalsProcedures = {
  'approvals.list': procedure({
    summary: 'Approval requests of every kind (steps, uploads, healing actions, app updates), pending first (all statuses with status omitted).',
    input: z
      .object({
        status: approvalStatusSchema.optional(),
        runId: id.optional(),
        kind: z.enum(approvalSubjectKinds).optional(),
        ref: id.optional(),
        limit: howMany(500, 100),
      })
      .strict(),
    output: listOf('approvals', approvalSchema),
  }),
  'approvals.approve': procedure({
    summary: 'Approve a waiting request: a step\u2019s run continues; an upload is sent; a healing action is applied; an app update is downloaded and installed.',
    input: decisionInput,
    output: approvalSchema,
  }),
  'approvals.reject': procedure({
    summary:
      'Reject a waiting request: a step stops with APPROVAL_REJECTED and its run ends as rejected, not failed (runs.retry asks again); an upload is marked rejected; a healing action is not applied; an app update is not installed.',
    input: decisionInput,
    output: approvalSchema,
  }),
};

export const approvalsEvents = {
  'approval.requested': event({ summary: 'Something waits for the founder\u2019s approval: a step, an upload, a healing action, an app update.', payload: approvalSchema }),
  'approval.decided': event({ summary: 'An approval was approved, rejected, expired or cancelled.', payload: approvalSchema }),
  'approval.applied': event({
    summary: 'The owner of a non-step approval acted on its decision (upload sent or queued, healing action applied, update installing, nothing sent); outcome says what happened.',
    payload: approvalSchema,
  }),
};
