import type { ApprovalPolicy, ApprovalStatus, StepClass } from '../../../../shared/workflow';
import type { LaunchStage } from '../../../../shared/stage';
import type { AuditDecision } from '../../approvals';

/** What the launch-stage table (docs/architecture.md) says a step may do right now. */
export type Gate =
  | { action: 'run'; decision: Extract<AuditDecision, 'not-required' | 'approved'>; coveredBy?: string }
  | { action: 'dry-run'; decision: Extract<AuditDecision, 'expired' | 'dry-run'> }
  | { action: 'ask' }
  | { action: 'wait' }
  | { action: 'fail'; decision: Extract<AuditDecision, 'rejected' | 'expired'> }
  | { action: 'skip'; decision: Extract<AuditDecision, 'expired'> };

export interface ApprovalView {
  status: ApprovalStatus;
  expiresAt: number | null;
}

/**
 * | class | pre-launch                                              | post-launch    |
 * |-------|---------------------------------------------------------|----------------|
 * | A     | runs                                                    | runs           |
 * | B     | asks, showing its dry run (or runs: covered, see below) | runs           |
 * | C     | needs approval                                          | needs approval |
 *
 * `coveredBy`: the approved approval of the approval step(s) directly before a Class B step,
 * when nothing else leads to it (shared/approval-cover.ts): that approval was the question,
 * so the step runs without asking again. It never covers a Class C step.
 *
 * Approval outcomes: approved → run; rejected → fail; no decision by the timeout → the
 * policy's onTimeout (reject → fail, skip → skip, dry-run → dry run, Class B only).
 * Nothing but an `approved` decision ever lets a Class B (pre-launch) or C step run.
 */
export function gate(cls: StepClass, stage: LaunchStage, policy: ApprovalPolicy | undefined, approval: ApprovalView | undefined, now: number, coveredBy?: string): Gate {
  if (cls === 'A') return { action: 'run', decision: 'not-required' };
  if (cls === 'B' && stage === 'post-launch') return { action: 'run', decision: 'not-required' };
  if (cls === 'B' && coveredBy !== undefined && (!approval || approval.status === 'cancelled')) return { action: 'run', decision: 'approved', coveredBy };
  if (!approval || approval.status === 'cancelled') return { action: 'ask' };
  switch (approval.status) {
    case 'approved':
      return { action: 'run', decision: 'approved' };
    case 'rejected':
      return { action: 'fail', decision: 'rejected' };
    case 'pending':
      if (approval.expiresAt === null || now < approval.expiresAt) return { action: 'wait' };
      return timedOut(cls, policy);
    case 'expired':
      return timedOut(cls, policy);
  }
}

function timedOut(cls: StepClass, policy: ApprovalPolicy | undefined): Gate {
  const outcome = policy?.onTimeout ?? 'reject';
  if (outcome === 'skip') return { action: 'skip', decision: 'expired' };
  if (outcome === 'dry-run' && cls === 'B') return { action: 'dry-run', decision: 'expired' };
  return { action: 'fail', decision: 'expired' };
}
