import type { NodeState, RunState } from './run-state';
import { settle, type SettleDeps } from './settle';
import { isDue, type WaitLook } from './waits';

export type NextNodeDeps = SettleDeps & WaitLook;

/** The next node to run: an interrupted one, a due wait, or a pending node whose inputs settled. */
export function nextNode(deps: NextNodeDeps, d: RunState): NodeState | undefined {
  const now = deps.clock.now();
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of d.graph.order) {
      const n = d.nodes.get(id) as NodeState;
      if (n.status === 'running') return n;
      if (n.status === 'waiting') {
        if (!d.tried.has(id) && isDue(deps, n, now)) return n;
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
