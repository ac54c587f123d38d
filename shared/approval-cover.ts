/** The step type of an explicit approval gate (a Class C step that only asks). */
export const approvalStepType = 'approval';

/**
 * In pre-launch a Class B step asks for its own approval, showing what it would do (its dry
 * run), unless an approval step directly before it already asked: when every edge into the
 * step comes from an `approval` step, that approval was the question, and once it is approved
 * the step runs for real without asking again. A step also reached from anything else asks.
 *
 * `sources` are the nodes with an edge into the step (as written); the answer is those
 * approval steps, or [] when the step asks for itself. The editor shows it on the node and the
 * runner applies it (runner/one-step.ts), so both read the same rule.
 */
export function coveringApprovalSteps(sources: readonly string[], typeOf: (nodeId: string) => string | undefined): string[] {
  if (sources.length === 0) return [];
  return sources.every((id) => typeOf(id) === approvalStepType) ? [...new Set(sources)] : [];
}
