import { checkTriggerInput, type InputProblem } from '../../../shared/trigger-input';
import type { RunTrigger, WorkflowDocument } from '../../../shared/workflow';

/**
 * The input a run of this workflow starts with: for a manual trigger with input fields, the
 * given input checked against them with their defaults filled in (shared/trigger-input.ts);
 * anything else as given. Problems come back for the caller to report in its own terms.
 */
export function runInput(document: WorkflowDocument, trigger: RunTrigger, input: unknown): { ok: true; value: unknown } | { ok: false; problems: InputProblem[] } {
  const given = input ?? {};
  if (document.trigger.type !== 'manual' || (trigger !== 'manual' && trigger !== 'child')) return { ok: true, value: given };
  return checkTriggerInput(document.trigger.input, given);
}

/** "input.order: is required (and 1 more: input.amount: must be a number)". */
export function describeInputProblems(problems: readonly InputProblem[]): string {
  const [first, ...rest] = problems;
  const head = first ? `${first.path}: ${first.message}` : 'input: is invalid';
  return rest.length === 0 ? head : `${head} (and ${rest.length} more: ${rest.map((p) => `${p.path}: ${p.message}`).join('; ')})`;
}
