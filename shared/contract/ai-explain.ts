import { z } from 'zod';
import { procedure } from './procedure';

const runId = z.string({ error: () => 'is required' }).min(1, 'is required').max(200, 'is too long');

/** A change of one param of one step, applied to a draft (never to the workflow that runs). */
export const explainParamFixSchema = z.object({
  kind: z.literal('param'),
  stepId: z.string().min(1, 'is required').max(200, 'is too long'),
  param: z.string().min(1, 'is required').max(200, 'is too long'),
  /** Params with object values (headers, a body) are left to the editor. */
  value: z.union([z.string(), z.number(), z.boolean()], { error: () => 'must be text, a number or true/false' }),
});

/** What the founder may do about a failure: change one param (to a draft) or retry the run. */
export const explainFixSchema = z.union([explainParamFixSchema, z.object({ kind: z.literal('retry') })]);
export type ExplainFix = z.infer<typeof explainFixSchema>;
export type ExplainParamFix = z.infer<typeof explainParamFixSchema>;

/** The model's reading of a failed run. */
export const explainAnswerSchema = z.object({
  /** One line: the likely cause. */
  cause: z.string().min(1).max(500),
  /** A few sentences on why the step failed, for the founder. */
  explanation: z.string().min(1).max(4000),
  fix: explainFixSchema,
});
export type ExplainAnswer = z.infer<typeof explainAnswerSchema>;

export const aiExplainProcedures = {
  'ai.explain': procedure({
    summary: 'Why a failed run failed: the AI model reads its graph, the failed step\u2019s params (secrets dropped, then redacted), input, error and logs, and answers with the cause, an explanation and a fix (one param change or a retry). Nothing is changed.',
    input: z.object({ runId }).strict(),
    output: explainAnswerSchema,
  }),
  'ai.explainApply': procedure({
    summary: 'Applies a param change from ai.explain to a copy of the failed run\u2019s workflow, saved as a new disabled workflow (a draft to review); checked against the step\u2019s params and the engine\u2019s validator first. Nothing runs.',
    input: z.object({ runId, fix: explainParamFixSchema }).strict(),
    output: z.object({ workflowId: z.string(), name: z.string() }),
  }),
};
