import { coveringApprovalSteps } from '../../../../../shared/approval-cover';
import type { StepClass } from '../../../../../shared/workflow';

/** What the launch stage will make a step do, in words, where that needs saying (a Class B step). */
export interface ApprovalNote {
  kind: 'asks' | 'covered';
  text: string;
}

/**
 * A Class B step in pre-launch asks for its own approval, unless only approval steps lead to
 * it (shared/approval-cover.ts, the rule the runner applies). `sources` are the steps with an
 * edge into it.
 */
export function approvalNote(cls: StepClass | undefined, sources: readonly string[], typeOf: (nodeId: string) => string | undefined): ApprovalNote | undefined {
  if (cls !== 'B') return undefined;
  const gates = coveringApprovalSteps(sources, typeOf);
  if (gates.length > 0) return { kind: 'covered', text: `Covered by the approval before it (${gates.join(', ')})` };
  return { kind: 'asks', text: 'Will ask for approval in pre-launch' };
}
