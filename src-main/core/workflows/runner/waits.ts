import { terminalRunStatuses } from '../../../../shared/workflow';
import type { ApprovalStore } from '../../approvals';
import type { RunStore } from '../store/run-store';
import type { NodeState, WaitKind } from './run-state';

/** What a wait may read to decide whether it is over. */
export interface WaitLook {
  approvals: ApprovalStore;
  runs: RunStore;
}

export interface WaitRule {
  /** What the node's row keeps, beside status `waiting` and `state.wait` = the kind. */
  stored: string;
  /**
   * What waking does: a fresh attempt of the step, the same attempt called again with the
   * state it stored (`ctx.state`), or the launch-stage gate deciding with the approval.
   */
  wakes: 'new-attempt' | 'step-continues' | 'gate-decides';
  /** When passing time alone ends the wait (the run's wake_at while parked); null: only news does. */
  wakeAt(n: NodeState, look: WaitLook): number | null;
  /** The node may be tried now. */
  isDue(n: NodeState, look: WaitLook, now: number): boolean;
  /**
   * Checked in the transaction that parks the run: news that landed since the node was last
   * tried (a decision, a child's end), which would be missed if the run parked now.
   */
  changedSinceTried(n: NodeState, look: WaitLook, tried: boolean, now: number): boolean;
  /** What reaching wakeAt means. */
  timeout: string;
}

/** A wait that only time ends: due once its wake_at has passed. */
const byClock: Pick<WaitRule, 'wakeAt' | 'isDue' | 'changedSinceTried'> = {
  wakeAt: (n) => n.wakeAt,
  isDue: (n, _look, now) => n.wakeAt === null || n.wakeAt <= now,
  changedSinceTried: () => false,
};

function approvalOver(n: NodeState, look: WaitLook, now: number): boolean {
  const a = n.approvalId ? look.approvals.get(n.approvalId) : undefined;
  return !a || a.status !== 'pending' || (a.expiresAt !== null && a.expiresAt <= now);
}

function childEnded(n: NodeState, look: WaitLook): boolean {
  const childId = (n.state.step as { childRunId?: string } | undefined)?.childRunId;
  const child = childId ? look.runs.getRun(childId) : undefined;
  return child !== undefined && terminalRunStatuses.has(child.status);
}

/**
 * Every way a node waits, in one table: a new kind is one entry here (the compiler asks for
 * it) plus whatever sets `state.wait` to it (a step's `{ wait: { reason } }`, the runner).
 */
export const waitKinds: Readonly<Record<WaitKind, WaitRule>> = {
  delay: {
    ...byClock,
    stored: 'wake_at = the time to go on; state.step = what the delay step stored',
    wakes: 'step-continues',
    timeout: 'the wait is over: the delay step is called again and finishes',
  },
  retry: {
    ...byClock,
    stored: 'wake_at = when to try again (backoffDelay of the node\u2019s retry policy); error = the failure',
    wakes: 'new-attempt',
    timeout: 'the next attempt starts',
  },
  approval: {
    stored: 'approval_id = the pending approval; wake_at = its expiry (none: waits for a decision)',
    wakes: 'gate-decides',
    wakeAt: (n, look) => (n.approvalId ? (look.approvals.get(n.approvalId)?.expiresAt ?? null) : null),
    isDue: (n, look, now) => approvalOver(n, look, now),
    changedSinceTried: (n, look, _tried, now) => approvalOver(n, look, now),
    timeout: 'the approval expires and the node\u2019s approval.onTimeout applies (policy.ts): reject fails the step, skip skips it, dry-run (Class B) records a dry run; never an approval',
  },
  child: {
    stored: 'state.step.childRunId = the child run; no wake_at (the child\u2019s end wakes the parent)',
    wakes: 'step-continues',
    wakeAt: (n) => n.wakeAt,
    isDue: () => true,
    changedSinceTried: (n, look, tried) => tried && childEnded(n, look),
    timeout: 'none of its own: the child\u2019s steps have their timeouts',
  },
};

/** The rule of what a waiting node waits for; none for a node that does not wait. */
export function waitRule(n: NodeState): WaitRule | undefined {
  return n.state.wait === undefined ? undefined : waitKinds[n.state.wait];
}

/** A waiting node may be tried now (one with no known kind always may). */
export function isDue(look: WaitLook, n: NodeState, now: number): boolean {
  const rule = waitRule(n);
  return rule === undefined || rule.isDue(n, look, now);
}
