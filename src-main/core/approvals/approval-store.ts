import { withStatements } from '../db/with-statements';
import type { Approval, ApprovalOutcome, ApprovalSubject, ApprovalSubjectKind } from '../../../shared/contract/approvals';
import type { ApprovalStatus, StepClass } from '../../../shared/workflow';
import type { LaunchStage } from '../../../shared/stage';

interface ApprovalRow {
  id: string;
  subject_kind: ApprovalSubjectKind;
  subject_ref: string;
  subject_title: string;
  run_id: string | null;
  node_id: string | null;
  workflow_id: string | null;
  workflow_name: string | null;
  step_type: string;
  class: StepClass;
  stage: LaunchStage;
  message: string;
  preview: string | null;
  status: ApprovalStatus;
  requested_by: string;
  requested_at: number;
  expires_at: number | null;
  on_timeout: 'reject' | 'skip' | 'dry-run';
  decided_by: string | null;
  decided_at: number | null;
  reason: string | null;
  outcome: string | null;
}

function toApproval(row: ApprovalRow): Approval {
  return {
    id: row.id,
    subject: { kind: row.subject_kind, ref: row.subject_ref, title: row.subject_title },
    runId: row.run_id,
    nodeId: row.node_id,
    workflowId: row.workflow_id,
    workflowName: row.workflow_name,
    stepType: row.step_type,
    class: row.class,
    stage: row.stage,
    message: row.message,
    ...(row.preview !== null ? { preview: JSON.parse(row.preview) as unknown } : {}),
    status: row.status,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    expiresAt: row.expires_at,
    onTimeout: row.on_timeout,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    reason: row.reason,
    outcome: row.outcome !== null ? storedOutcome(row.outcome) : null,
  };
}

/** An outcome as stored; one stored before outcomes had a result takes it from `ok`. */
function storedOutcome(json: string): ApprovalOutcome {
  const outcome = JSON.parse(json) as Omit<ApprovalOutcome, 'result'> & Partial<Pick<ApprovalOutcome, 'result'>>;
  return { ...outcome, result: outcome.result ?? (outcome.ok ? 'good' : 'bad') };
}

/** What every approval request carries, whatever it is about. */
interface ApprovalInsertFields {
  id: string;
  stepType: string;
  class: StepClass;
  stage: LaunchStage;
  message: string;
  preview: string | null;
  requestedBy: string;
  requestedAt: number;
  expiresAt: number | null;
}

/** A run's step waiting for the founder. */
export interface StepApprovalInsert extends ApprovalInsertFields {
  runId: string;
  nodeId: string;
  workflowId: string | null;
  workflowName: string;
  onTimeout: 'reject' | 'skip' | 'dry-run';
}

/** A request about something other than a run's step (an upload, a healing action). */
export interface SubjectApprovalInsert extends ApprovalInsertFields {
  subject: ApprovalSubject;
}

export interface ApprovalFilter {
  status?: ApprovalStatus | undefined;
  runId?: string | undefined;
  kind?: ApprovalSubjectKind | undefined;
  ref?: string | undefined;
  limit: number;
}

const sql = {
  insert: `INSERT INTO approvals (id, subject_kind, subject_ref, subject_title, run_id, node_id, workflow_id, workflow_name, step_type, class,
    stage, message, preview, status, requested_by, requested_at, expires_at, on_timeout) VALUES (@id, 'step', @runId || '/' || @nodeId,
    @workflowName || ' › ' || @nodeId, @runId, @nodeId, @workflowId, @workflowName, @stepType, @class, @stage,
    @message, @preview, 'pending', @requestedBy, @requestedAt, @expiresAt, @onTimeout)`,
  insertSubject: `INSERT INTO approvals (id, subject_kind, subject_ref, subject_title, step_type, class, stage, message, preview, status,
    requested_by, requested_at, expires_at, on_timeout) VALUES (@id, @kind, @ref, @title, @stepType, @class, @stage, @message, @preview,
    'pending', @requestedBy, @requestedAt, @expiresAt, 'reject')`,
  setOutcome: 'UPDATE approvals SET outcome = ? WHERE id = ?',
  pendingFor: `SELECT * FROM approvals WHERE subject_kind = ? AND subject_ref = ? AND status = 'pending' ORDER BY requested_at DESC, id DESC LIMIT 1`,
  expiredSubjects: `SELECT * FROM approvals WHERE status = 'pending' AND subject_kind <> 'step' AND expires_at IS NOT NULL AND expires_at <= ? ORDER BY expires_at, id`,
  get: 'SELECT * FROM approvals WHERE id = ?',
  decide: `UPDATE approvals SET status = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ? AND status = 'pending'`,
  cancelForRun: `UPDATE approvals SET status = 'cancelled', decided_by = ?, decided_at = ?, reason = ? WHERE run_id = ? AND status = 'pending' RETURNING *`,
  forRun: 'SELECT * FROM approvals WHERE run_id = ? ORDER BY requested_at, id',
  list: `SELECT * FROM approvals WHERE (@status IS NULL OR status = @status) AND (@runId IS NULL OR run_id = @runId)
    AND (@kind IS NULL OR subject_kind = @kind) AND (@ref IS NULL OR subject_ref = @ref)
    ORDER BY CASE status WHEN 'pending' THEN 0 ELSE 1 END, requested_at DESC, id DESC LIMIT @limit`,
};

/** Approval requests (docs/architecture.md): who asked, what for, who decided, when and why. */
export class ApprovalStore extends withStatements(sql) {
  insert(a: StepApprovalInsert): void {
    this.s.insert.run(a);
  }
  insertSubject(a: SubjectApprovalInsert): void {
    const { subject, ...rest } = a;
    this.s.insertSubject.run({ ...rest, kind: subject.kind, ref: subject.ref, title: subject.title });
  }
  setOutcome(id: string, outcome: ApprovalOutcome): void {
    this.s.setOutcome.run(JSON.stringify(outcome), id);
  }
  /** The waiting request about this subject, if there is one. */
  pendingFor(kind: ApprovalSubjectKind, ref: string): Approval | undefined {
    const row = this.s.pendingFor.get(kind, ref) as ApprovalRow | undefined;
    return row ? toApproval(row) : undefined;
  }
  /** Non-step requests past their expiry (step requests are timed out by their run). */
  expiredSubjects(now: number): Approval[] {
    return (this.s.expiredSubjects.all(now) as ApprovalRow[]).map(toApproval);
  }
  get(id: string): Approval | undefined {
    const row = this.s.get.get(id) as ApprovalRow | undefined;
    return row ? toApproval(row) : undefined;
  }
  /** Records a decision on a pending request; false when it was no longer pending. */
  decide(id: string, status: Exclude<ApprovalStatus, 'pending'>, by: string, at: number, reason: string | null): boolean {
    return this.s.decide.run(status, by, at, reason, id).changes === 1;
  }
  cancelForRun(runId: string, by: string, at: number, reason: string): Approval[] {
    return (this.s.cancelForRun.all(by, at, reason, runId) as ApprovalRow[]).map(toApproval);
  }
  forRun(runId: string): Approval[] {
    return (this.s.forRun.all(runId) as ApprovalRow[]).map(toApproval);
  }
  list(filter: ApprovalFilter): Approval[] {
    const { status, runId, kind, ref, limit } = filter;
    return (this.s.list.all({ status: status ?? null, runId: runId ?? null, kind: kind ?? null, ref: ref ?? null, limit }) as ApprovalRow[]).map(toApproval);
  }
}
