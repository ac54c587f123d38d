import { z } from 'zod';
import { procedure } from './procedure';
import { recordId } from './common';
import { workflowProblemSchema } from '../workflow';

const stepRef = z.object({ id: z.string(), type: z.string() });
const edgeRef = z.object({ from: z.string(), fromPort: z.string().optional(), to: z.string() });

/** What a change does to an open workflow, for the founder to accept or discard. */
export const workflowDiffSchema = z.object({
  /** null when the name stays. */
  name: z.object({ before: z.string(), after: z.string() }).nullable(),
  /** null when the trigger stays; else both as written. */
  trigger: z.object({ before: z.unknown(), after: z.unknown() }).nullable(),
  added: z.array(stepRef),
  removed: z.array(stepRef),
  /** Steps kept (same id) with something different: other fields by name, params by key (null = not set on that side). */
  changed: z.array(stepRef.extend({ fields: z.array(z.string()), params: z.array(z.object({ key: z.string(), before: z.unknown(), after: z.unknown() })) })),
  edgesAdded: z.array(edgeRef),
  edgesRemoved: z.array(edgeRef),
});
export type WorkflowDiff = z.infer<typeof workflowDiffSchema>;

export const aiWorkflowAnswerSchema = z.object({
  /** The workflow document (the file format); nothing is saved: save it with workflows.save (enabled false). */
  document: z.record(z.string(), z.unknown()),
  /** The assistant's explanation for the founder. */
  explanation: z.string(),
  /** The engine's validator on the document: [] (the assistant returns only documents that pass). */
  problems: z.array(workflowProblemSchema),
  /** With workflowId: what the change does to that workflow. */
  diff: workflowDiffSchema.optional(),
});
export type AiWorkflowAnswer = z.infer<typeof aiWorkflowAnswerSchema>;

export const aiWorkflowProcedures = {
  'ai.workflow': procedure({
    summary: 'A sentence → a workflow document that passes the engine\u2019s validator, with an explanation; with workflowId, that workflow changed as asked, with the diff. Nothing is saved or run.',
    input: z
      .object({
        text: z.string().trim().min(1, 'is required: describe the workflow in a sentence').max(4000, 'must be at most 4000 characters'),
        /** Change this stored workflow instead of starting a new one. */
        workflowId: recordId.optional(),
      })
      .strict(),
    output: aiWorkflowAnswerSchema,
  }),
};
