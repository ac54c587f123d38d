import { z } from 'zod';
import { procedure } from './procedure';
import { epochMs, howMany, listOf, noInput } from './common';
import { aiFeatures } from '../ai-settings';

export const aiCallOutcomes = ['ok', 'failed', 'cancelled', 'timeout', 'invalid'] as const;

/** One model call as recorded in ai_usage: what it used and cost (cents, fractional), how long it took, how it ended. */
export const aiUsageRowSchema = z.object({
  id: z.number().int(),
  at: epochMs,
  feature: z.enum(aiFeatures),
  model: z.string(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costMinor: z.number(),
  latencyMs: z.number().int(),
  outcome: z.enum(aiCallOutcomes),
  error: z.string().nullable(),
});
export type AiUsageRow = z.infer<typeof aiUsageRowSchema>;

/** The model layer as the founder sees it: never the key, only whether one is set. */
export const aiStatusSchema = z.object({
  configured: z.boolean(),
  /** Why the model cannot be called, in one line naming the secret or setting; null when configured. */
  reason: z.string().nullable(),
  model: z.string(),
  baseUrlHost: z.string(),
  features: z.record(z.enum(aiFeatures), z.boolean()),
  month: z.object({
    /** The first moment of this calendar month (UTC). */
    since: epochMs,
    calls: z.number().int(),
    inputTokens: z.number().int(),
    outputTokens: z.number().int(),
    costMinor: z.number(),
    /** ai.monthlyTokenBudget; 0 means no limit. */
    budgetTokens: z.number().int(),
  }),
});
export type AiStatus = z.infer<typeof aiStatusSchema>;

export const aiProcedures = {
  'ai.status': procedure({
    summary: 'Whether the AI model can be called (or why not), which model at which host, and this month\u2019s tokens and cost against the budget.',
    input: noInput,
    output: aiStatusSchema,
  }),
  'ai.usage': procedure({
    summary: 'The recorded model calls, newest first: feature, model, tokens, cost, latency and outcome.',
    input: z.object({ limit: howMany(500, 50) }).strict(),
    output: listOf('calls', aiUsageRowSchema),
  }),
};
