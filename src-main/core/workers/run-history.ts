import type pg from 'pg';
import type { SharedRunInfo } from '../../../shared/contract/workers';

/** The recent runs of the shared store (levqor_runs), for the app's Workers view and `workers.runs`. */
export const sharedRunHistory = {
  /** The newest `limit` runs, the most recently created first; `worker` is the last worker that claimed it. */
  async recent(db: pg.Pool, limit: number): Promise<SharedRunInfo[]> {
    const { rows } = await db.query<{ id: string; workflow_id: string; workflow_name: string; trigger: string; status: string; ran_by: string | null; created_at: string; started_at: string | null; finished_at: string | null }>(
      `SELECT id, workflow_id, workflow_name, trigger, status, ran_by, created_at, started_at, finished_at
       FROM levqor_runs ORDER BY created_at DESC, id DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => {
      const startedAt = r.started_at === null ? null : Number(r.started_at);
      const finishedAt = r.finished_at === null ? null : Number(r.finished_at);
      return {
        id: r.id,
        workflowId: r.workflow_id,
        workflowName: r.workflow_name,
        trigger: r.trigger,
        status: r.status,
        worker: r.ran_by,
        createdAt: Number(r.created_at),
        startedAt,
        durationMs: startedAt !== null && finishedAt !== null ? finishedAt - startedAt : null,
      };
    });
  },
};
