import type { Db } from '../../db/open';
import type { StepRow } from '../store/run-store';
import type { WorkflowStore } from '../store/workflow-store';
import type { SharedRun } from './shared-store';
import { stepColumnNames } from './step-columns';

/**
 * A worker's SQLite is a cache of the shared store: before the engine drives a claimed run,
 * the run's rows are written here exactly as the shared store holds them (replacing whatever
 * an earlier claim left), with no owner, so the runner takes it over as it would an
 * interrupted run of its own.
 */
export class LocalRunCache {
  private readonly put: (run: SharedRun, steps: StepRow[], now: number) => void;
  private readonly removeRun: (id: string) => void;

  constructor(
    db: Db,
    private readonly workflows: WorkflowStore,
  ) {
    const removeRun = db.prepare('DELETE FROM runs WHERE id = ?');
    this.removeRun = (id) => void removeRun.run(id);
    const insertRun = db.prepare(`INSERT INTO runs (id, workflow_id, workflow_name, definition_id, trigger, status, input, output, error, depth,
      dedupe_key, scheduled_for, owner, lease_until, wake_at, cancel_requested, dry_run, created_at, started_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?)`);
    const insertStep = db.prepare(`INSERT INTO run_steps (${stepColumnNames.join(', ')}) VALUES (${stepColumnNames.map(() => '?').join(', ')})`);
    this.put = db.transaction((run: SharedRun, steps: StepRow[], now: number) => {
      // the shared store is the truth: an earlier copy (and its steps, by cascade) goes
      removeRun.run(run.id);
      const definitionId = this.workflows.putDefinition(run.document, now);
      insertRun.run(run.id, run.workflow_id, run.workflow_name, definitionId, run.trigger, run.status === 'queued' ? 'running' : run.status, run.input, run.output, run.error,
        run.dedupe_key, num(run.scheduled_for), num(run.wake_at), run.cancel_requested, run.dry_run, Number(run.created_at), num(run.started_at) ?? now, now);
      for (const s of steps) insertStep.run(...stepColumnNames.map((c) => s[c]));
    });
  }

  /** Drops a run that ended and reached the shared store: the cache keeps only runs in flight. */
  forget(runId: string): void {
    this.removeRun(runId);
  }

  /** Writes the claimed run and its steps into the cache, in one transaction. */
  hydrate(run: SharedRun, steps: StepRow[], now: number): void {
    this.put(run, steps, now);
  }
}

function num(v: string | null): number | null {
  return v === null ? null : Number(v);
}
