import type { Db } from '../../db/open';
import type { Approval } from '../../../../shared/contract/workflows';
import type { ApprovalStatus, StepClass } from '../../../../shared/workflow';
import type { LaunchStage } from '../../../../shared/stage';

interface ApprovalRow {
  id: string;
  run_id: string;
  node_id: string;
  workflow_id: string | null;
  workflow_name: string;
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
}

function toApproval(row: ApprovalRow): Approval {
  return {
    id: row.id,
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
  };
}

/** Approval requests (ARCHITECTURE §4): who asked, what for, who decided, when and why. */
export class ApprovalStore {
  private readonly s;
  constructor(db: Db) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      insert: p(`INSERT INTO approvals (id, run_id, node_id, workflow_id, workflow_name, step_type, class, stage, message, preview, status,
        requested_by, requested_at, expires_at, on_timeout) VALUES (@id, @runId, @nodeId, @workflowId, @workflowName, @stepType, @class, @stage,
        @message, @preview, 'pending', @requestedBy, @requestedAt, @expiresAt, @onTimeout)`),
      get: p('SELECT * FROM approvals WHERE id = ?'),
      decide: p(`UPDATE approvals SET status = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ? AND status = 'pending'`),
      cancelForRun: p(`UPDATE approvals SET status = 'cancelled', decided_by = ?, decided_at = ?, reason = ? WHERE run_id = ? AND status = 'pending' RETURNING *`),
      forRun: p('SELECT * FROM approvals WHERE run_id = ? ORDER BY requested_at, id'),
      list: p(`SELECT * FROM approvals WHERE (@status IS NULL OR status = @status) AND (@runId IS NULL OR run_id = @runId)
        ORDER BY CASE status WHEN 'pending' THEN 0 ELSE 1 END, requested_at DESC, id DESC LIMIT @limit`),
    };
  }

  insert(a: {
    id: string;
    runId: string;
    nodeId: string;
    workflowId: string | null;
    workflowName: string;
    stepType: string;
    class: StepClass;
    stage: LaunchStage;
    message: string;
    preview: string | null;
    requestedBy: string;
    requestedAt: number;
    expiresAt: number | null;
    onTimeout: 'reject' | 'skip' | 'dry-run';
  }): void {
    this.s.insert.run(a);
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
  list(filter: { status?: ApprovalStatus; runId?: string; limit: number }): Approval[] {
    return (this.s.list.all({ status: filter.status ?? null, runId: filter.runId ?? null, limit: filter.limit }) as ApprovalRow[]).map(toApproval);
  }
}
