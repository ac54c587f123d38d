import { z } from 'zod';
import { approvalRejectedCode } from '../../../../shared/workflow';
import { defineStep, stepParams, nonRetriable } from '../step';

const params = stepParams({
  workflowId: z.string({ error: () => 'is required' }).min(1, 'is required'),
  input: z.unknown().optional(),
});

/**
 * Runs another stored workflow as a child and waits for it. The child is found again after a
 * crash (one child per attempt), so a resumed parent never starts it twice.
 */
export const workflowRunStep = defineStep({
  type: 'workflow.run',
  title: 'Run workflow',
  description: 'Runs another workflow as a child and waits for it; outputs the child\u2019s output.',
  class: 'A',
  params,
  ui: {
    workflowId: { label: 'Workflow', widget: 'workflow' },
    input: { label: 'Input' },
  },
  execute(ctx) {
    const state = ctx.state as { childRunId?: string } | undefined;
    const childRunId = state?.childRunId ?? ctx.services.startChildRun(ctx.params.workflowId, ctx.params.input ?? {});
    const result = ctx.services.childResult(childRunId);
    if (!result) return { wait: { until: null, state: { childRunId }, reason: 'child' } };
    // the founder rejected an approval in the child: the parent ends rejected too, not failed
    if (result.status === 'rejected') throw nonRetriable(approvalRejectedCode, `child run ${childRunId} rejected${result.error ? `: ${result.error}` : ''}`);
    if (result.status !== 'succeeded') {
      throw nonRetriable('CHILD_FAILED', `child run ${childRunId} ${result.status}${result.error ? `: ${result.error}` : ''}`);
    }
    return { output: { runId: childRunId, output: result.output } };
  },
});
