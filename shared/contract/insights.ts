import { z } from 'zod';
import { stepClassSchema } from '../workflow';
import { howMany, noInput, recordId } from './common';
import { procedure } from './procedure';

export const insightAreas = ['revenue', 'reliability', 'ux', 'growth'] as const;
export type InsightArea = (typeof insightAreas)[number];

/** One number behind a finding, and where it was read (`revenue.metrics`, `telemetry rollups`…). */
export const insightEvidenceSchema = z.object({ source: z.string(), label: z.string(), value: z.union([z.number(), z.string()]) });
export type InsightEvidence = z.infer<typeof insightEvidenceSchema>;

/**
 * What the insight's button does: data only, nothing runs by itself (advisory mode).
 * `workflow-draft` saves the workflow as a disabled draft; `healing` asks for the founder's
 * approval of a step of Guardian's healing plan; `open-area` only opens an area of the app.
 */
export const insightActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('workflow-draft'), label: z.string(), workflow: z.record(z.string(), z.unknown()) }),
  z.object({ kind: z.literal('healing'), label: z.string(), stepId: z.string() }),
  z.object({ kind: z.literal('open-area'), label: z.string(), area: z.string() }),
]);
export type InsightAction = z.infer<typeof insightActionSchema>;

export const insightSchema = z.object({
  /** `<rule>:<subject>`: stable while the finding lasts, what insights.act takes. */
  id: z.string(),
  rule: z.string(),
  area: z.enum(insightAreas),
  severity: z.enum(['info', 'warning', 'critical']),
  /** 1 is the first to read. */
  rank: z.number().int(),
  finding: z.string(),
  evidence: z.array(insightEvidenceSchema),
  impact: z.string(),
  suggestedAction: insightActionSchema,
  /** The class of what the action would do once the founder confirms it (A: reads or drafts, B: changes or sends). */
  class: stepClassSchema,
});
export type Insight = z.infer<typeof insightSchema>;

export const insightActResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('workflow-draft'), workflowId: z.string(), name: z.string() }),
  z.object({ kind: z.literal('healing'), approvalId: z.string() }),
  z.object({ kind: z.literal('open-area'), area: z.string() }),
]);
export type InsightActResult = z.infer<typeof insightActResultSchema>;

/** An insight as the history keeps it: its latest wording and severity, when it was shown, and what the founder did. */
export const insightHistoryItemSchema = insightSchema.pick({ id: true, rule: true, area: true, severity: true, finding: true }).extend({
  firstShownAt: z.number().int(),
  lastShownAt: z.number().int(),
  /** The action's kind and what it made (workflow id, approval id, or area; for `dismissed`, the finding as it read then); null until acted on. */
  acted: z.object({ at: z.number().int(), kind: z.enum(['workflow-draft', 'healing', 'open-area', 'dismissed']), ref: z.string() }).nullable(),
});
export type InsightHistoryItem = z.infer<typeof insightHistoryItemSchema>;

export const insightActedFilters = ['workflow-draft', 'healing', 'open-area', 'dismissed', 'none'] as const;

/** One line of the "this week" list: the rules' own words for the finding, and why it is on the list. */
export const thisWeekItemSchema = insightSchema.pick({ id: true, area: true, severity: true, finding: true }).extend({ why: z.string() });
export type ThisWeekItem = z.infer<typeof thisWeekItemSchema>;

/**
 * The insights with the AI CEO's brief on top: a ranked "this week" list and a narrative from the
 * model (`source: 'model'`), or the rules' own ranking and no narrative (`source: 'rules'`, with
 * the one-line `reason` there is no model answer).
 */
export const insightsBriefSchema = z.object({
  at: z.number().int(),
  insights: z.array(insightSchema),
  thisWeek: z.array(thisWeekItemSchema),
  narrative: z.string().nullable(),
  source: z.enum(['model', 'rules']),
  reason: z.string().optional(),
});
export type InsightsBrief = z.infer<typeof insightsBriefSchema>;

export const insightsProcedures = {
  'insights.list': procedure({
    summary: 'The AI CEO’s advisory insights, ranked: deterministic rules over Guardian, telemetry, workflows, launches, backups and revenue (no model); each with its evidence and a suggested action.',
    input: noInput,
    output: z.object({ at: z.number().int(), insights: z.array(insightSchema) }),
  }),
  'insights.act': procedure({
    summary: 'Turns an insight’s suggested action into a disabled workflow draft or a healing approval request (nothing runs by itself); open-area actions only answer the area.',
    input: z.object({ id: recordId }).strict(),
    output: insightActResultSchema,
  }),
  'insights.dismiss': procedure({
    summary: 'Dismisses an insight: it leaves the list (and the brief) while its finding reads the same, and the history keeps that it was dismissed.',
    input: z.object({ id: recordId }).strict(),
    output: z.object({ id: z.string(), dismissedAt: z.number().int() }),
  }),
  'insights.brief': procedure({
    summary: 'The insights with a ranked “this week” list and a narrative written by the model (feature insights); the numbers are the rules’ own. Without a model: the rules’ ranking, no narrative, and the reason.',
    input: noInput,
    output: insightsBriefSchema,
  }),
  'insights.history': procedure({
    summary: 'Past insights, last shown first: when each was first and last shown, and what the founder did about it; optionally only since a time, of one rule, or by what was done.',
    input: z
      .object({
        limit: howMany(500, 50),
        since: z.number().int().nonnegative().optional(),
        rule: z.string().min(1).max(100).optional(),
        acted: z.enum(insightActedFilters).optional(),
      })
      .strict(),
    output: z.object({ items: z.array(insightHistoryItemSchema) }),
  }),
};
