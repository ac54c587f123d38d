import type { Approval } from '../../../shared/contract/approvals';
import type { PreflightReport } from '../../../shared/contract/governance';
import type { LaunchStage } from '../../../shared/stage';
import type { SubjectApprovalRequest } from '../approvals';

export const overrideKind = 'stage.override';
/** An override nobody decides within three days lapses: a timeout never switches the stage. */
const overrideTimeoutMs = 3 * 24 * 3_600_000;

/** What the founder reads in the inbox: the reason given and each check that blocks, Class C at every stage. */
export function overrideRequest(report: PreflightReport, reason: string, stage: LaunchStage, by: string): SubjectApprovalRequest {
  const blocking = report.checks.filter((c) => c.status === 'block').map((c) => ({ id: c.id, label: c.label, reason: c.reason }));
  return {
    subject: { kind: overrideKind, ref: 'post-launch', title: 'Go post-launch although the preflight blocks' },
    action: 'stage.override',
    class: 'C',
    stage,
    message: `Switch to post-launch although ${blocking.length} preflight check(s) block (${blocking.map((b) => b.label).join(', ')}). Reason given: ${reason}`,
    preview: { reason, blocking, preflightAt: report.at },
    requestedBy: by,
    timeoutMs: overrideTimeoutMs,
  };
}

/** The reason an override request carries, as the audit row records it. */
export function overrideReason(approval: Approval): string {
  const preview = approval.preview as { reason?: unknown } | undefined;
  return typeof preview?.reason === 'string' ? preview.reason : approval.message;
}
