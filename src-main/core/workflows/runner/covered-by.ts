import { coveringApprovalSteps } from '../../../../shared/approval-cover';
import type { ApprovalStatus } from '../../../../shared/workflow';
import type { NodeState, RunState } from './run-state';

export interface ApprovalLook {
  approvals: { get(id: string): { status: ApprovalStatus } | undefined };
}

/**
 * The approval that covers this Class B step in pre-launch (shared/approval-cover.ts): the
 * approved request of an approval step directly before it, when only approval steps lead to
 * it and each one that fed it ran for real on an `approved` decision. undefined: it asks itself.
 */
export function coveredBy(look: ApprovalLook, d: RunState, n: NodeState): string | undefined {
  const incoming = d.graph.incoming.get(n.id) ?? [];
  const gates = coveringApprovalSteps(
    incoming.map((e) => e.from),
    (id) => d.graph.nodes.get(id)?.type,
  );
  if (gates.length === 0) return undefined;
  let covering: string | undefined;
  for (const e of incoming) {
    const src = d.nodes.get(e.from);
    // only the edges that fed the step count (next-node.ts: a live edge)
    if (!src || src.status !== 'succeeded' || src.port !== e.port) continue;
    if (src.mode !== 'real' || src.approvalId === null || look.approvals.get(src.approvalId)?.status !== 'approved') return undefined;
    covering ??= src.approvalId;
  }
  return covering;
}
