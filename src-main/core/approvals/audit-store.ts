import { withStatements } from '../db/with-statements';
import type { StepClass, StepMode } from '../../../shared/workflow';
import type { LaunchStage } from '../../../shared/stage';
import type { ApprovalSubjectKind } from '../../../shared/contract/approvals';
import type { ActionAuditKind } from '../../../shared/contract/audit';

/** Why a Class B/C step ran, dry-ran or was blocked; `dry-run`: the whole run was started as a dry run; `preflight`: a stage switch the preflight refused. */
export type AuditDecision = 'not-required' | 'approved' | 'pre-launch' | 'rejected' | 'expired' | 'dry-run' | 'preflight';

/** What every audit row says, whatever it is about. */
interface AuditFields {
  at: number;
  stepType: string;
  class: StepClass;
  stage: LaunchStage;
  mode: StepMode;
  decision: AuditDecision;
  approvalId: string | null;
  attempt: number;
  detail: string | null;
}

/** The audit row of a run's step. */
export interface AuditEntry extends AuditFields {
  runId: string;
  nodeId: string;
  workflowId: string | null;
}

/** The audit row of an upload, a healing action, a stage switch or a notice sent: what, in which mode, and why. */
export interface SubjectAuditEntry extends AuditFields {
  subject: { kind: ApprovalSubjectKind | ActionAuditKind; ref: string };
  /** Who acted when no approval says it (the founder switching the stage); left out: the app, or the approval's decider. */
  actor?: string;
}

const sql = {
  insert: `INSERT INTO workflow_audit (at, subject_kind, subject_ref, run_id, node_id, workflow_id, step_type, class, stage, mode, decision, approval_id, attempt, detail)
    VALUES (@at, 'step', @runId || '/' || @nodeId, @runId, @nodeId, @workflowId, @stepType, @class, @stage, @mode, @decision, @approvalId, @attempt, @detail)`,
  insertSubject: `INSERT INTO workflow_audit (at, subject_kind, subject_ref, step_type, class, stage, mode, decision, approval_id, attempt, detail, actor)
    VALUES (@at, @kind, @ref, @stepType, @class, @stage, @mode, @decision, @approvalId, @attempt, @detail, @actor)`,
  forSubject: 'SELECT * FROM workflow_audit WHERE subject_kind = ? AND subject_ref = ? ORDER BY id',
  forRun: 'SELECT * FROM workflow_audit WHERE run_id = ? ORDER BY id',
};

/** One row for every side effect (written before it happens), every dry run and every blocked step. */
export class AuditStore extends withStatements(sql) {
  insert(entry: AuditEntry): void {
    this.s.insert.run(entry);
  }
  /** A side effect, dry run or block of an upload or healing action (no run, no step). */
  insertSubject(entry: SubjectAuditEntry): void {
    const { subject, actor, ...row } = entry;
    this.s.insertSubject.run({ ...row, kind: subject.kind, ref: subject.ref, actor: actor ?? null });
  }
  forSubject(kind: ApprovalSubjectKind | ActionAuditKind, ref: string): SubjectAuditEntry[] {
    return (this.s.forSubject.all(kind, ref) as AuditRow[]).map((r) => ({
      ...auditFields(r),
      subject: { kind: r.subject_kind as ApprovalSubjectKind, ref: r.subject_ref as string },
      ...(r.actor ? { actor: r.actor as string } : {}),
    }));
  }
  forRun(runId: string): AuditEntry[] {
    return (this.s.forRun.all(runId) as AuditRow[]).map((r) => ({
      ...auditFields(r),
      runId: r.run_id as string,
      nodeId: r.node_id as string,
      workflowId: r.workflow_id as string | null,
    }));
  }
}

type AuditRow = Record<string, unknown>;

function auditFields(r: AuditRow): AuditFields {
  return {
    at: r.at as number,
    stepType: r.step_type as string,
    class: r.class as StepClass,
    stage: r.stage as LaunchStage,
    mode: r.mode as StepMode,
    decision: r.decision as AuditDecision,
    approvalId: r.approval_id as string | null,
    attempt: r.attempt as number,
    detail: r.detail as string | null,
  };
}
