import type { Approval, ApprovalSubjectKind, OutcomeResult } from '../../../shared/contract/approvals';

/**
 * What the owner did with a decision: stored as the approval's `outcome` and announced as
 * `approval.applied`. `result` says how it turned out (shared/contract/approvals.ts); left
 * out, it is `good` when `ok` and `bad` when not.
 */
export interface SubjectOutcome {
  ok: boolean;
  message: string;
  result?: OutcomeResult;
}

/**
 * One kind of thing the founder approves (a run's step, an upload, a healing action, an app
 * update), as its owning capability registers it with the approval system. The approval
 * system never imports the owner: the owner hands it this from createCore.
 */
export interface ApprovalSubjectDefinition {
  kind: ApprovalSubjectKind;
  /**
   * The request was approved, rejected or expired: act on it (send the upload, apply the
   * action, wake the run). Return what was done; return nothing when the subject reports
   * elsewhere (a step's run says what happened to it), and no outcome is stored then.
   * Called at once, in the process that recorded the decision; a throw is stored as a failed outcome.
   */
  decided(approval: Approval): SubjectOutcome | void | Promise<SubjectOutcome | void>;
  /**
   * Once the outcome is stored and announced: the place for an effect that ends this process
   * (installing an app update quits the app), so that nothing about the decision is lost.
   */
  recorded?(approval: Approval): void | Promise<void>;
  /**
   * Why this process must not record an approval of this subject (a restore of the app's data
   * is approved only in the process that holds the data); undefined lets it be approved. A
   * refusal records nothing, so the founder's yes is never spent on a process that cannot act.
   */
  refusesApproval?(approval: Approval): string | undefined;
}

export function defineApprovalSubject(def: ApprovalSubjectDefinition): ApprovalSubjectDefinition {
  return def;
}
