import type { Approval } from '../../../shared/contract/approvals';
import type { ForgetResult } from '../../../shared/contract/backup';
import type { LaunchStage } from '../../../shared/stage';
import { defineApprovalSubject, type ApprovalService, type SubjectAuditEntry, type SubjectOutcome } from '../approvals';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { StoredPlan } from './plan-store';

/** What retention needs of the approval system (createCore hands it the ApprovalService). */
export type RetentionApprovalPort = Pick<ApprovalService, 'request' | 'audit' | 'registerSubject' | 'pendingFor'>;

/** A retention request nobody decides on within a week is rejected: nothing is removed. */
export const retentionApprovalTimeoutMs = 7 * 24 * 3_600_000;

export interface RetentionDeps {
  clock: Clock;
  log: Logger;
  stage: () => LaunchStage;
  plan(nameOrId: string): StoredPlan;
  /** restic forget for the plan's policy: a dry run changes nothing; a real one removes and prunes (a history row). */
  forget(plan: StoredPlan, dryRun: boolean): Promise<ForgetResult>;
}

const removedIds = (r: ForgetResult) => r.groups.flatMap((g) => g.remove.map((s) => s.id));

/**
 * Retention (restic forget --prune) as a Class B action. Pre-launch, applying a plan's policy
 * asks the founder first (subject `backup.forget`, the plan's id as its ref): the preview is
 * restic's own dry run (what would be removed, each kept snapshot's reasons), and nothing is
 * removed until it is approved; approving removes at most what the preview showed. Post-launch
 * it runs at once. Every run, dry run and refusal is a row in the audit log (workflow_audit).
 */
export class BackupRetention {
  private approvals: RetentionApprovalPort | undefined;

  constructor(private readonly d: RetentionDeps) {}

  connectApprovals(approvals: RetentionApprovalPort): void {
    this.approvals = approvals;
    approvals.registerSubject(defineApprovalSubject({ kind: 'backup.forget', decided: (a) => this.decided(a) }));
  }

  /** Applies the plan's policy: at once post-launch, through an approval pre-launch (the dry run and the pending request are returned). */
  async apply(name: string): Promise<ForgetResult> {
    const plan = this.d.plan(name);
    const stage = this.d.stage();
    if (stage === 'post-launch' || !this.approvals) return this.forgetNow(plan, null, stage);
    const preview = await this.d.forget(plan, true);
    // nothing would be removed: nothing to ask about
    if (removedIds(preview).length === 0) return preview;
    const approvals = this.approvals;
    const pending = approvals.pendingFor('backup.forget', plan.id);
    const a =
      pending ??
      approvals.request({
        subject: { kind: 'backup.forget', ref: plan.id, title: `Apply the retention policy of backup plan ${plan.name}` },
        action: 'backup.forget',
        class: 'B',
        stage,
        message: `Remove ${removedIds(preview).length} snapshot(s) of ${plan.name} from its repository (restic forget --prune); the kept ones are listed with restic\u2019s reasons`,
        preview: { plan: plan.name, retention: plan.retention, groups: preview.groups, remove: removedIds(preview) },
        requestedBy: 'backup retention',
        timeoutMs: retentionApprovalTimeoutMs,
      });
    if (!pending) this.audit(plan, { stage, mode: 'dry-run', decision: 'pre-launch', approvalId: a.id, detail: JSON.stringify({ remove: removedIds(preview) }) });
    return { ...preview, approval: { id: a.id, status: a.status, expiresAt: a.expiresAt } };
  }

  /** The founder decided: approved, the policy is applied, removing no snapshot the preview did not show. */
  private async decided(a: Approval): Promise<SubjectOutcome> {
    let plan: StoredPlan;
    try {
      plan = this.d.plan(a.subject.ref);
    } catch {
      return { ok: false, message: `nothing removed: the backup plan ${a.subject.ref} no longer exists` };
    }
    const stage = this.d.stage();
    if (a.status !== 'approved') {
      this.audit(plan, { stage, mode: 'blocked', decision: a.status === 'expired' ? 'expired' : 'rejected', approvalId: a.id, detail: `approval ${a.status}` });
      return { ok: true, result: 'none', message: `nothing was removed from the repository of ${plan.name}: approval ${a.status}` };
    }
    const approved = new Set((a.preview as { remove?: string[] } | null)?.remove ?? []);
    const now = await this.d.forget(plan, true);
    const beyond = removedIds(now).filter((id) => !approved.has(id));
    if (beyond.length > 0) {
      this.audit(plan, { stage, mode: 'blocked', decision: 'approved', approvalId: a.id, detail: `the policy now removes ${beyond.length} snapshot(s) the approval did not show` });
      return { ok: false, message: `nothing removed: the policy would now also remove ${beyond.length} snapshot(s) the approval did not show; apply the retention again to see them` };
    }
    const done = await this.forgetNow(plan, a.id, stage);
    const removed = removedIds(done).length;
    return done.operation?.status === 'succeeded' ? { ok: true, message: `removed ${removed} snapshot(s) of ${plan.name} and pruned the repository (operation ${done.operation.id})` } : { ok: false, message: `forget ${done.operation?.status ?? 'failed'}: ${done.operation?.error ?? ''}` };
  }

  /** The real forget: its audit row is written before it happens. */
  private async forgetNow(plan: StoredPlan, approvalId: string | null, stage: LaunchStage): Promise<ForgetResult> {
    this.audit(plan, { stage, mode: 'real', decision: approvalId ? 'approved' : 'not-required', approvalId, detail: JSON.stringify(plan.retention) });
    this.d.log.info({ plan: plan.name, approvalId }, 'backup retention applied');
    return this.d.forget(plan, false);
  }

  private audit(plan: StoredPlan, row: Pick<SubjectAuditEntry, 'stage' | 'mode' | 'decision' | 'approvalId' | 'detail'>): void {
    this.approvals?.audit({ at: this.d.clock.now(), subject: { kind: 'backup.forget', ref: plan.id }, stepType: 'backup.forget', class: 'B', attempt: 1, ...row });
  }
}
