import { z } from 'zod';
import { procedure } from './procedure';
import { epochMs, noInput } from './common';
import { approvalSchema } from './approvals';

/** pass: nothing to do; warn: going post-launch is allowed but something is missing; block: going post-launch is refused. */
export const preflightStatuses = ['pass', 'warn', 'block'] as const;
export type PreflightStatus = (typeof preflightStatuses)[number];

/** One item of the preflight before post-launch (core/governance/checks/), in the founder's words. */
export const preflightCheckSchema = z.object({
  id: z.string(),
  label: z.string(),
  status: z.enum(preflightStatuses),
  reason: z.string(),
  /** The app route where it is fixed (shared/app-routes.ts), e.g. `#/settings`. */
  fix: z.string(),
  tookMs: z.number().int(),
});
export type PreflightCheck = z.infer<typeof preflightCheckSchema>;

export const preflightReportSchema = z.object({
  at: epochMs,
  checks: z.array(preflightCheckSchema),
  /** True when any check blocks: the stage stays pre-launch unless an override is approved. */
  blocked: z.boolean(),
});
export type PreflightReport = z.infer<typeof preflightReportSchema>;

/**
 * Where a hardening item can be judged: `any` in every process; `desktop` only inside the
 * desktop app (Electron's window settings), so under `levqor serve` or the CLI it says `unknown`.
 */
export const hardeningWhere = ['any', 'desktop'] as const;
export const hardeningStatuses = ['pass', 'warn', 'fail', 'unknown'] as const;
export const hardeningItemSchema = z.object({
  id: z.string(),
  label: z.string(),
  status: z.enum(hardeningStatuses),
  reason: z.string(),
  where: z.enum(hardeningWhere),
  fix: z.string(),
});
export type HardeningItem = z.infer<typeof hardeningItemSchema>;
export const hardeningReportSchema = z.object({ at: epochMs, items: z.array(hardeningItemSchema) });
export type HardeningReport = z.infer<typeof hardeningReportSchema>;

export const governanceProcedures = {
  'governance.preflight': procedure({
    summary: 'Runs the preflight before post-launch: each check passes, warns or blocks, with the reason and the app route that fixes it. Changes nothing.',
    input: noInput,
    output: preflightReportSchema,
  }),
  'governance.hardening': procedure({
    summary: 'The hardening checklist computed from the real state: secrets encrypted, server on loopback, the desktop window\u2019s security settings, updates, backups, retention, alert channels, the data map.',
    input: noInput,
    output: hardeningReportSchema,
  }),
  'governance.requestOverride': procedure({
    summary: 'Asks to go post-launch although the preflight blocks: a Class C approval (subject stage.override) in the inbox carrying the reason and the blocking checks; approving it switches the stage.',
    input: z
      .object({
        stage: z.literal('post-launch', { error: () => 'must be post-launch (going back to pre-launch needs no override)' }),
        reason: z.string({ error: () => 'is required: say why the switch may go ahead' }).trim().min(10, 'must say why in at least 10 characters').max(2000, 'must be at most 2000 characters'),
      })
      .strict(),
    output: approvalSchema,
  }),
};
