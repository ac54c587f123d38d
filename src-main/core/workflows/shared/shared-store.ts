import type pg from 'pg';
import type { WorkflowDocument } from '../../../../shared/workflow';
import type { RunRow, StepRow } from '../store/run-store';
import { stepColumnNames, stepColumns } from './step-columns';

/** A run as the shared store holds it: the local row's fields plus the document it runs. */
export interface SharedRun {
  id: string;
  workflow_id: string;
  workflow_name: string;
  definition_id: string;
  document: WorkflowDocument;
  trigger: RunRow['trigger'];
  status: RunRow['status'];
  input: string | null;
  output: string | null;
  error: string | null;
  dedupe_key: string | null;
  scheduled_for: string | null;
  dry_run: number;
  wake_at: string | null;
  cancel_requested: number;
  schema_version: number;
  created_at: string;
  started_at: string | null;
}

export interface PublishedWorkflow {
  id: string;
  name: string;
  definitionId: string;
  document: WorkflowDocument;
  triggerType: string;
  enabled: boolean;
}

export interface NewSharedRun {
  id: string;
  workflowId: string;
  trigger: RunRow['trigger'];
  input: string | null;
  dedupeKey: string | null;
  scheduledFor: number | null;
  schemaVersion: number;
  now: number;
}

const upsertSteps = `INSERT INTO levqor_run_steps (${stepColumnNames.join(', ')})
  SELECT ${stepColumnNames.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${stepColumns.map(([n, t]) => `${n} ${t}`).join(', ')})
  ON CONFLICT (run_id, node_id) DO UPDATE SET ${stepColumnNames
    .filter((n) => n !== 'run_id' && n !== 'node_id')
    .map((n) => `${n} = excluded.${n}`)
    .join(', ')}`;

/**
 * The shared store's statements (remote migration 0004): published workflows, runs and their
 * steps. Every write that belongs to a run names its owner, so a worker whose lease passed to
 * another writes nothing.
 */
export const sharedStore = {
  async publish(db: pg.ClientBase | pg.Pool, w: PublishedWorkflow, schemaVersion: number): Promise<void> {
    await db.query(
      `INSERT INTO levqor_workflows (id, name, definition_id, document, trigger_type, enabled, schema_version, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, definition_id = excluded.definition_id, document = excluded.document,
         trigger_type = excluded.trigger_type, enabled = excluded.enabled, schema_version = excluded.schema_version, published_at = excluded.published_at`,
      [w.id, w.name, w.definitionId, JSON.stringify(w.document), w.triggerType, w.enabled, schemaVersion],
    );
  },

  async published(db: pg.ClientBase | pg.Pool, id: string): Promise<PublishedWorkflow | undefined> {
    const { rows } = await db.query<{ id: string; name: string; definition_id: string; document: WorkflowDocument; trigger_type: string; enabled: boolean }>(
      'SELECT id, name, definition_id, document, trigger_type, enabled FROM levqor_workflows WHERE id = $1',
      [id],
    );
    const r = rows[0];
    return r && { id: r.id, name: r.name, definitionId: r.definition_id, document: r.document, triggerType: r.trigger_type, enabled: r.enabled };
  },

  /** A new queued run of a published workflow; undefined when its dedupe key already has one. */
  async createRun(db: pg.ClientBase | pg.Pool, r: NewSharedRun): Promise<string | undefined> {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO levqor_runs (id, workflow_id, workflow_name, definition_id, document, trigger, status, input, dedupe_key, scheduled_for, schema_version, created_at)
       SELECT $1, w.id, w.name, w.definition_id, w.document, $3, 'queued', $4, $5, $6, $7, $8 FROM levqor_workflows w WHERE w.id = $2
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [r.id, r.workflowId, r.trigger, r.input, r.dedupeKey, r.scheduledFor, r.schemaVersion, r.now],
    );
    return rows[0]?.id;
  },

  /**
   * Takes a run for `owner` while it is unfinished and nobody else's lease holds; a queued
   * run becomes running. Undefined when it ended or another worker holds it.
   */
  async claim(db: pg.ClientBase | pg.Pool, runId: string, owner: string, leaseMs: number): Promise<SharedRun | undefined> {
    const { rows } = await db.query<SharedRun>(
      `UPDATE levqor_runs SET owner = $2, ran_by = $2, lease_until = now() + make_interval(secs => $3::double precision / 1000),
         status = CASE WHEN status = 'queued' THEN 'running' ELSE status END, updated_at = now()
       WHERE id = $1 AND status IN ('queued', 'running', 'waiting') AND (owner IS NULL OR owner = $2 OR lease_until < now())
       RETURNING id, workflow_id, workflow_name, definition_id, document, trigger, status, input, output, error, dedupe_key,
         scheduled_for, dry_run, wake_at, cancel_requested, schema_version, created_at, started_at`,
      [runId, owner, leaseMs],
    );
    return rows[0];
  },

  async steps(db: pg.ClientBase | pg.Pool, runId: string): Promise<StepRow[]> {
    const { rows } = await db.query<StepRow>(`SELECT ${stepColumnNames.join(', ')} FROM levqor_run_steps WHERE run_id = $1 ORDER BY seq`, [runId]);
    // bigint columns arrive as text: the local cache stores numbers
    return rows.map((s) => ({ ...s, wake_at: num(s.wake_at), started_at: num(s.started_at), finished_at: num(s.finished_at), updated_at: Number(s.updated_at) }));
  },

  /**
   * Copies the local run's state (as committed in the cache) to the shared store, in one
   * transaction the caller opened; false when the run is no longer this owner's.
   */
  async mirror(db: pg.ClientBase, run: RunRow, steps: StepRow[], owner: string, leaseMs: number): Promise<boolean> {
    const holding = run.status === 'running';
    const { rowCount } = await db.query(
      `UPDATE levqor_runs SET status = $3, output = $4, error = $5, wake_at = $6, started_at = $7, finished_at = $8,
         owner = CASE WHEN $9 THEN owner ELSE NULL END,
         lease_until = CASE WHEN $9 THEN now() + make_interval(secs => $10::double precision / 1000) ELSE NULL END, updated_at = now()
       WHERE id = $1 AND owner = $2`,
      [run.id, owner, run.status, run.output, run.error, run.wake_at, run.started_at, run.finished_at, holding, leaseMs],
    );
    if (rowCount !== 1) return false;
    if (steps.length > 0) await db.query(upsertSteps, [JSON.stringify(steps)]);
    return true;
  },

  /** Hands a claimed run back untouched (it was not due, or this worker is stopping). */
  async release(db: pg.ClientBase | pg.Pool, runId: string, owner: string): Promise<void> {
    await db.query(`UPDATE levqor_runs SET owner = NULL, lease_until = NULL, updated_at = now() WHERE id = $1 AND owner = $2`, [runId, owner]);
  },

  /** Renews the leases of the runs this owner drives (its heartbeat). */
  async renew(db: pg.ClientBase | pg.Pool, owner: string, leaseMs: number): Promise<void> {
    await db.query(`UPDATE levqor_runs SET lease_until = now() + make_interval(secs => $2::double precision / 1000) WHERE owner = $1 AND status = 'running'`, [owner, leaseMs]);
  },

  /**
   * Unfinished runs nobody drives: their worker died (lease passed), they were handed back, or
   * they are still queued a lease after their last change (their job may be stuck with a worker
   * that lost the database while failing it). A job more for a run is harmless: claim is exclusive.
   */
  async orphans(db: pg.ClientBase | pg.Pool, leaseMs: number, limit = 100): Promise<{ id: string; wake_at: string | null }[]> {
    const { rows } = await db.query<{ id: string; wake_at: string | null }>(
      `SELECT id, wake_at FROM levqor_runs
       WHERE (status IN ('running', 'waiting') AND (owner IS NULL OR lease_until < now())
              AND (status = 'running' OR wake_at <= (extract(epoch FROM now()) * 1000)::bigint))
          OR (status = 'queued' AND updated_at < now() - make_interval(secs => $2::double precision / 1000))
       ORDER BY created_at LIMIT $1`,
      [limit, leaseMs],
    );
    return rows;
  },
};

function num(v: number | string | null): number | null {
  return v === null ? null : Number(v);
}
