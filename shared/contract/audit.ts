import { z } from 'zod';
import { procedure } from './procedure';
import { epochMs, howMany } from './common';
import { launchStageSchema } from '../stage';

/**
 * Audit rows about actions no approval kind names: a stage switch, a notice queued for a
 * channel outside this machine, a restore of a snapshot's files. (Approval kinds, shared/contract/approvals.ts, are the others.)
 */
export const actionAuditKinds = ['stage.switch', 'notify.send', 'backup.restore'] as const;
export type ActionAuditKind = (typeof actionAuditKinds)[number];

/**
 * How an audit entry ended, for the filter: `done` the action ran for real; `dry-run` it was
 * recorded as what would have happened; `blocked` it was refused (rejected, expired, gated);
 * then an approval's own state.
 */
export const auditOutcomes = ['done', 'dry-run', 'blocked', 'failed', 'pending', 'approved', 'rejected', 'expired', 'cancelled'] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

/** One line of the audit log: an approval, or an action that left the machine or changed the stage. */
export const auditEntrySchema = z.object({
  /** `approval:<id>` or `action:<row id>`. */
  id: z.string(),
  at: epochMs,
  /** The founder (or the name a decision carried), `levqor` for the app acting on its own, `timeout`. */
  who: z.string(),
  /** The action: a step type, `drive.upload`, `stage.switch`, `notify.send`… */
  what: z.string(),
  /** The subject kind (`step`, `product.upload`, `stage.switch`, `notify.send`…). */
  kind: z.string(),
  stage: launchStageSchema,
  subject: z.string(),
  outcome: z.enum(auditOutcomes),
  detail: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const rule = 'must be a time in milliseconds since 1970 (UTC)';
export const auditFilterSchema = z
  .object({
    from: epochMs.min(0, rule).optional(),
    to: epochMs.min(0, rule).optional(),
    kind: z.string().max(100).optional(),
    outcome: z.enum(auditOutcomes).optional(),
    /** Words found in who, what, subject or detail (case-insensitive). */
    text: z.string().max(200).optional(),
    limit: howMany(5000, 200),
  })
  .strict();
export type AuditFilter = z.output<typeof auditFilterSchema>;

export const auditProcedures = {
  'audit.list': procedure({
    summary: 'The audit log, newest first: every approval and every action that left the machine or changed the stage (who, what, when, stage, subject, outcome), filtered by date range, kind, outcome and text.',
    input: auditFilterSchema,
    output: z.object({ entries: z.array(auditEntrySchema), kinds: z.array(z.string()) }),
  }),
  'audit.export': procedure({
    summary: 'The filtered audit log as a CSV or JSON file\u2019s content (nothing is written on this machine): the renderer downloads it, the CLI prints or saves it.',
    input: auditFilterSchema.extend({ format: z.enum(['csv', 'json'], { error: () => 'must be csv or json' }) }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), content: z.string(), count: z.number().int() }),
  }),
};
