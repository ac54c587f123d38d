import { withStatements } from '../db/with-statements';

export interface ScheduleState {
  workflowId: string;
  definitionId: string;
  lastCheckedAt: number;
  lastFireAt: number | null;
  bufferedFireAt: number | null;
  activeRunId: string | null;
}

const sql = {
  get: 'SELECT * FROM schedule_state WHERE workflow_id = ?',
  put: `INSERT INTO schedule_state (workflow_id, definition_id, last_checked_at, last_fire_at, buffered_fire_at, active_run_id, updated_at)
    VALUES (@workflowId, @definitionId, @lastCheckedAt, @lastFireAt, @bufferedFireAt, @activeRunId, @now)
    ON CONFLICT (workflow_id) DO UPDATE SET definition_id = excluded.definition_id, last_checked_at = excluded.last_checked_at,
    last_fire_at = excluded.last_fire_at, buffered_fire_at = excluded.buffered_fire_at, active_run_id = excluded.active_run_id, updated_at = excluded.updated_at`,
  delete: 'DELETE FROM schedule_state WHERE workflow_id = ?',
};

/** Where each cron schedule got to: survives restarts, so missed fires can be caught up. */
export class ScheduleStore extends withStatements(sql) {
  get(workflowId: string): ScheduleState | undefined {
    const r = this.s.get.get(workflowId) as Record<string, unknown> | undefined;
    if (!r) return undefined;
    return {
      workflowId,
      definitionId: r.definition_id as string,
      lastCheckedAt: r.last_checked_at as number,
      lastFireAt: r.last_fire_at as number | null,
      bufferedFireAt: r.buffered_fire_at as number | null,
      activeRunId: r.active_run_id as string | null,
    };
  }
  put(state: ScheduleState, now: number): void {
    this.s.put.run({ ...state, now });
  }
  delete(workflowId: string): void {
    this.s.delete.run(workflowId);
  }
}
