import type { ApprovalStore } from '../../approvals';
import type { Drive, NodeState } from './drive';
import { settle, type SettleDeps } from './settle';

export interface NextNodeDeps extends SettleDeps {
  approvals: ApprovalStore;
}

/** The next node to run: an interrupted one, a due wait, or a pending node whose inputs settled. */
export function nextNode(deps: NextNodeDeps, d: Drive): NodeState | undefined {
  const now = deps.clock.now();
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of d.graph.order) {
      const n = d.nodes.get(id) as NodeState;
      if (n.status === 'running') return n;
      if (n.status === 'waiting') {
        if (!d.tried.has(id) && isDue(deps.approvals, n, now)) return n;
        continue;
      }
      if (n.status !== 'pending') continue;
      const incoming = d.graph.incoming.get(id) ?? [];
      if (incoming.length === 0) return n;
      let settled = true;
      let live = false;
      for (const e of incoming) {
        const src = d.nodes.get(e.from) as NodeState;
        if (src.status === 'succeeded') live ||= src.port === e.port;
        else if (src.status !== 'skipped') settled = false;
      }
      if (!settled) continue;
      if (live) return n;
      settle(deps, d, n, { status: 'skipped' });
      changed = true;
    }
  }
  return undefined;
}

/** A waiting node may be tried now: its retry or delay is due, it waits on a child (the step looks), or its approval is no longer pending. */
export function isDue(approvals: ApprovalStore, n: NodeState, now: number): boolean {
  switch (n.state.wait) {
    case 'retry':
    case 'delay':
      return n.wakeAt === null || n.wakeAt <= now;
    case 'child':
      return true;
    case 'approval': {
      const a = n.approvalId ? approvals.get(n.approvalId) : undefined;
      return !a || a.status !== 'pending' || (a.expiresAt !== null && a.expiresAt <= now);
    }
    default:
      return true;
  }
}
