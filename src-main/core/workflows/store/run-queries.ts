import type { z } from 'zod';
import type { Db } from '../../db/open';
import { withStatements } from '../../db/with-statements';
import type { RunDetail, RunStepDetail, RunSummary, runLogLineSchema } from '../../../../shared/contract/workflows';
import type { RunStatus } from '../../../../shared/workflow';
import type { RunRow, RunStore } from './run-store';
import type { ApprovalStore } from '../../approvals';
import type { WorkflowStore } from './workflow-store';

type RunLogLine = z.infer<typeof runLogLineSchema>;

/** runs.list: newest first; `before`, `from` and `to` bound createdAt (from inclusive, the others exclusive). */
export interface RunFilter {
  workflowId?: string;
  status?: RunStatus;
  limit: number;
  before?: number;
  from?: number;
  to?: number;
}

const json = (text: string | null): unknown => (text === null ? undefined : (JSON.parse(text) as unknown));

export function toRunSummary(row: RunRow): RunSummary {
  return {
    id: row.id,
    workflowId: row.workflow_id,
    workflowName: row.workflow_name,
    trigger: row.trigger,
    status: row.status,
    parentRunId: row.parent_run_id,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    wakeAt: row.wake_at,
    error: row.error ? (JSON.parse(row.error) as RunSummary['error']) : null,
    scheduledFor: row.scheduled_for,
    dryRun: row.dry_run === 1,
  };
}

const sql = {
  list: `SELECT * FROM runs WHERE (@workflowId IS NULL OR workflow_id = @workflowId) AND (@status IS NULL OR status = @status)
    AND (@before IS NULL OR created_at < @before) AND (@from IS NULL OR created_at >= @from) AND (@to IS NULL OR created_at < @to)
    ORDER BY id DESC LIMIT @limit`,
};

/** Run ids are UUIDv7, so id order is creation order. Read side of runs for the API (lists, details); the runner never reads through here. */
export class RunQueries extends withStatements(sql) {
  constructor(
    db: Db,
    private readonly runs: RunStore,
    private readonly approvals: ApprovalStore,
    private readonly workflows: Pick<WorkflowStore, 'definition'>,
  ) {
    super(db);
  }

  list(filter: RunFilter): RunSummary[] {
    const rows = this.s.list.all({
      workflowId: filter.workflowId ?? null,
      status: filter.status ?? null,
      before: filter.before ?? null,
      from: filter.from ?? null,
      to: filter.to ?? null,
      limit: filter.limit,
    }) as RunRow[];
    return rows.map(toRunSummary);
  }

  detail(id: string): RunDetail | undefined {
    const row = this.runs.getRun(id);
    if (!row) return undefined;
    const steps: RunStepDetail[] = this.runs.steps(id).map((s) => ({
      id: s.node_id,
      type: s.type,
      class: s.class,
      status: s.status,
      mode: s.mode,
      attempts: s.attempt,
      port: s.port,
      ...(s.input !== null ? { input: json(s.input) } : {}),
      ...(s.output !== null ? { output: json(s.output) } : {}),
      error: s.error ? (JSON.parse(s.error) as RunStepDetail['error']) : null,
      wakeAt: s.wake_at,
      startedAt: s.started_at,
      finishedAt: s.finished_at,
    }));
    // the document the run pinned: the run view draws this graph, not the workflow as edited since
    const document = this.workflows.definition(row.definition_id);
    const logs: RunLogLine[] = this.runs.logs(id).map((l) => ({
      at: l.at,
      nodeId: l.node_id,
      level: l.level as RunLogLine['level'],
      message: l.message,
      ...(l.data !== null ? { data: json(l.data) } : {}),
    }));
    return {
      ...toRunSummary(row),
      ...(row.input !== null ? { input: json(row.input) } : {}),
      ...(row.output !== null ? { output: json(row.output) } : {}),
      ...(document ? { workflow: document } : {}),
      steps,
      logs,
      approvals: this.approvals.forRun(id),
      children: this.runs.children(id).map((c) => c.id),
    };
  }
}
