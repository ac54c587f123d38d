import { withStatements } from '../../db/with-statements';
import { uuidv7 } from '../../ids';
import type { Camelized } from '../../rows';
import type { RunStatus, RunTrigger, StepClass, StepMode, StepStatus } from '../../../../shared/workflow';

export interface RunRow {
  id: string;
  workflow_id: string | null;
  workflow_name: string;
  definition_id: string;
  trigger: RunTrigger;
  status: RunStatus;
  input: string | null;
  output: string | null;
  error: string | null;
  parent_run_id: string | null;
  parent_node_id: string | null;
  depth: number;
  dedupe_key: string | null;
  scheduled_for: number | null;
  owner: string | null;
  lease_until: number | null;
  wake_at: number | null;
  cancel_requested: number;
  /** 1: Class B/C steps are recorded as dry runs (workflows.run with dryRun). */
  dry_run: number;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  updated_at: number;
}

export interface StepRow {
  run_id: string;
  node_id: string;
  type: string;
  class: StepClass;
  status: StepStatus;
  mode: StepMode | null;
  attempt: number;
  attempt_base: number;
  interruptions: number;
  input: string | null;
  output: string | null;
  port: string | null;
  error: string | null;
  state: string | null;
  wake_at: number | null;
  approval_id: string | null;
  seq: number;
  started_at: number | null;
  finished_at: number | null;
  updated_at: number;
}

/** A step row as the runner writes it: every column under its camelCase name, `now` for updated_at. */
export type SettledStep = Camelized<Omit<StepRow, 'updated_at'>> & { now: number };

export interface NewRun {
  id: string;
  workflowId: string | null;
  workflowName: string;
  definitionId: string;
  trigger: RunTrigger;
  status: 'queued' | 'running' | 'waiting';
  input: string | null;
  parentRunId: string | null;
  parentNodeId: string | null;
  depth: number;
  dedupeKey: string | null;
  scheduledFor: number | null;
  owner: string | null;
  leaseUntil: number | null;
  wakeAt: number | null;
  /** 1: a dry run (stored as is: no per-insert conversion). */
  dryRun: 0 | 1;
  now: number;
}

const sql = {
  // positional parameters on the per-run statements: binding by name costs a property lookup each
  insertRun: `INSERT INTO runs (id, workflow_id, workflow_name, definition_id, trigger, status, input, parent_run_id, parent_node_id, depth, dedupe_key,
    scheduled_for, owner, lease_until, wake_at, dry_run, created_at, started_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  // a run that ended within its first commit: one row as it ended, no running row to update
  insertEnded: `INSERT INTO runs (id, workflow_id, workflow_name, definition_id, trigger, status, input, output, error, parent_run_id, parent_node_id, depth,
    dedupe_key, scheduled_for, dry_run, created_at, started_at, finished_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  getRun: 'SELECT * FROM runs WHERE id = ?',
  runByDedupe: 'SELECT id FROM runs WHERE dedupe_key = ?',
  claim: `UPDATE runs SET status = 'running', owner = ?, lease_until = ?, wake_at = NULL, started_at = COALESCE(started_at, ?), updated_at = ?
    WHERE id = ? AND status = ? AND (owner IS NULL OR owner = ?)`,
  takeOver: `UPDATE runs SET owner = ?, lease_until = ?, updated_at = ? WHERE id = ? AND status = 'running' AND owner IS ?`,
  touch: 'UPDATE runs SET lease_until = ?, updated_at = ? WHERE id = ? AND owner = ? RETURNING cancel_requested',
  check: 'SELECT owner, cancel_requested FROM runs WHERE id = ?',
  renewAll: `UPDATE runs SET lease_until = ? WHERE owner = ? AND status = 'running'`,
  park: `UPDATE runs SET status = 'waiting', wake_at = ?, owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND owner = ?`,
  finish: `UPDATE runs SET status = ?, output = ?, error = ?, finished_at = ?, owner = NULL, lease_until = NULL, wake_at = NULL, updated_at = ?
    WHERE id = ? AND owner = ?`,
  release: 'UPDATE runs SET owner = NULL, lease_until = NULL WHERE owner = ?',
  wake: `UPDATE runs SET wake_at = ?, updated_at = ? WHERE id = ? AND status = 'waiting'`,
  requestCancel: 'UPDATE runs SET cancel_requested = 1, updated_at = ? WHERE id = ?',
  cancelIdle: `UPDATE runs SET status = 'cancelled', finished_at = ?, wake_at = NULL, owner = NULL, lease_until = NULL, cancel_requested = 1,
    error = ?, updated_at = ? WHERE id = ? AND (status IN ('queued', 'waiting') OR (status = 'running' AND owner IS ?))`,
  reopen: `UPDATE runs SET status = 'waiting', wake_at = ?, error = NULL, output = NULL, finished_at = NULL, cancel_requested = 0, owner = NULL,
    lease_until = NULL, updated_at = ? WHERE id = ? AND status IN ('failed', 'rejected', 'cancelled')`,
  dueWaiting: `SELECT id FROM runs WHERE status = 'waiting' AND wake_at IS NOT NULL AND wake_at <= ? ORDER BY wake_at LIMIT ?`,
  nextWake: `SELECT MIN(wake_at) AS at FROM runs WHERE status = 'waiting' AND wake_at IS NOT NULL`,
  runningNotMine: `SELECT id, owner, lease_until FROM runs WHERE status = 'running' AND (owner IS NULL OR owner != ?)`,
  queued: `SELECT id, workflow_id FROM runs WHERE status = 'queued' ORDER BY created_at, id LIMIT ?`,
  queuedCount: `SELECT COUNT(*) AS n FROM runs WHERE status = 'queued'`,
  activeCount: `SELECT COUNT(*) AS n FROM runs WHERE workflow_id = ? AND status IN ('running', 'waiting') AND parent_run_id IS NULL`,
  children: 'SELECT id, status FROM runs WHERE parent_run_id = ?',
  activeChildren: `SELECT id FROM runs WHERE parent_run_id = ? AND status IN ('queued', 'running', 'waiting')`,

  startStep: `INSERT INTO run_steps (run_id, node_id, type, class, status, mode, attempt, attempt_base, interruptions, input, state, seq, started_at, updated_at)
    VALUES (?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (run_id, node_id) DO UPDATE SET status = 'running', class = excluded.class, mode = excluded.mode, attempt = excluded.attempt,
    interruptions = excluded.interruptions, input = excluded.input, state = excluded.state, error = NULL, wake_at = NULL,
    started_at = excluded.started_at, finished_at = NULL, updated_at = excluded.updated_at`,
  settleStep: `INSERT INTO run_steps (run_id, node_id, type, class, status, mode, attempt, attempt_base, interruptions, input, output, port, error, state,
    wake_at, approval_id, seq, started_at, finished_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (run_id, node_id) DO UPDATE SET status = excluded.status, class = excluded.class, mode = excluded.mode, attempt = excluded.attempt,
    attempt_base = excluded.attempt_base, interruptions = excluded.interruptions, input = COALESCE(excluded.input, input), output = excluded.output,
    port = excluded.port, error = excluded.error, state = excluded.state, wake_at = excluded.wake_at, approval_id = excluded.approval_id,
    started_at = COALESCE(excluded.started_at, started_at), finished_at = excluded.finished_at, updated_at = excluded.updated_at`,
  steps: 'SELECT * FROM run_steps WHERE run_id = ? ORDER BY seq',
  cancelSteps: `UPDATE run_steps SET status = 'cancelled', wake_at = NULL, finished_at = ?, updated_at = ? WHERE run_id = ? AND status IN ('waiting', 'running')`,
  reopenSteps: `UPDATE run_steps SET status = 'waiting', state = '{"wait":"retry"}', wake_at = ?, attempt_base = attempt, approval_id = NULL,
    error = NULL, finished_at = NULL, updated_at = ? WHERE run_id = ? AND status IN ('failed', 'cancelled')`,

  log: 'INSERT INTO run_logs (run_id, id, node_id, at, level, message, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
  logs: 'SELECT node_id, at, level, message, data FROM run_logs WHERE run_id = ? ORDER BY id LIMIT ?',
};

/** Prepared statements for runs, their steps and logs: the runner's persistence, nothing else. */
export class RunStore extends withStatements(sql) {
  insertRun(r: NewRun): void {
    this.s.insertRun.run(r.id, r.workflowId, r.workflowName, r.definitionId, r.trigger, r.status, r.input, r.parentRunId, r.parentNodeId, r.depth, r.dedupeKey, r.scheduledFor, r.owner, r.leaseUntil, r.wakeAt, r.dryRun, r.now, r.status === 'running' ? r.now : null, r.now);
  }
  /** Inserts a run that started `running` and ended before its row was first written. */
  insertEnded(r: NewRun, status: RunStatus, output: string | null, error: string | null, finishedAt: number): void {
    this.s.insertEnded.run(r.id, r.workflowId, r.workflowName, r.definitionId, r.trigger, status, r.input, output, error, r.parentRunId, r.parentNodeId, r.depth, r.dedupeKey, r.scheduledFor, r.dryRun, r.now, r.now, finishedAt, finishedAt);
  }
  getRun(id: string): RunRow | undefined {
    return this.s.getRun.get(id) as RunRow | undefined;
  }
  runByDedupe(key: string): string | undefined {
    return (this.s.runByDedupe.get(key) as { id: string } | undefined)?.id;
  }
  /** Takes a queued or waiting run for this owner; false when someone else got it first. */
  claim(id: string, from: 'queued' | 'waiting', owner: string, leaseUntil: number, now: number): boolean {
    return this.s.claim.run(owner, leaseUntil, now, now, id, from, owner).changes === 1;
  }
  /** Takes over a running run from an owner that is gone. */
  takeOver(id: string, previousOwner: string | null, owner: string, leaseUntil: number, now: number): boolean {
    return this.s.takeOver.run(owner, leaseUntil, now, id, previousOwner).changes === 1;
  }
  /** Renews the lease; undefined when this owner lost the run, else whether a cancel was asked. */
  touch(id: string, owner: string, leaseUntil: number, now: number): { cancel: boolean } | undefined {
    const row = this.s.touch.get(leaseUntil, now, id, owner) as { cancel_requested: number } | undefined;
    return row ? { cancel: row.cancel_requested === 1 } : undefined;
  }
  /** The same answer as touch, without a write (while the lease is fresh). */
  check(id: string, owner: string): { cancel: boolean } | undefined {
    const row = this.s.check.get(id) as { owner: string | null; cancel_requested: number } | undefined;
    return row && row.owner === owner ? { cancel: row.cancel_requested === 1 } : undefined;
  }
  renewAll(owner: string, leaseUntil: number): void {
    this.s.renewAll.run(leaseUntil, owner);
  }
  park(id: string, owner: string, wakeAt: number | null, now: number): boolean {
    return this.s.park.run(wakeAt, now, id, owner).changes === 1;
  }
  finish(id: string, owner: string, status: RunStatus, output: string | null, error: string | null, now: number): boolean {
    return this.s.finish.run(status, output, error, now, now, id, owner).changes === 1;
  }
  releaseAll(owner: string): void {
    this.s.release.run(owner);
  }
  /** Makes a waiting run due (decisions, finished children). */
  wake(id: string, at: number, now: number): boolean {
    return this.s.wake.run(at, now, id).changes === 1;
  }
  requestCancel(id: string, now: number): void {
    this.s.requestCancel.run(now, id);
  }
  /** Cancels a run nobody is executing (queued, waiting, or running with the given gone owner). */
  cancelIdle(id: string, goneOwner: string | null, error: string, now: number): boolean {
    return this.s.cancelIdle.run(now, error, now, id, goneOwner).changes === 1;
  }
  reopen(id: string, now: number): boolean {
    const changed = this.s.reopen.run(now, now, id).changes === 1;
    if (changed) this.s.reopenSteps.run(now, now, id);
    return changed;
  }
  dueWaiting(now: number, limit = 500): string[] {
    return (this.s.dueWaiting.all(now, limit) as { id: string }[]).map((r) => r.id);
  }
  nextWake(): number | undefined {
    return (this.s.nextWake.get() as { at: number | null }).at ?? undefined;
  }
  runningNotMine(owner: string): { id: string; owner: string | null; lease_until: number | null }[] {
    return this.s.runningNotMine.all(owner) as { id: string; owner: string | null; lease_until: number | null }[];
  }
  queued(limit = 500): { id: string; workflow_id: string | null }[] {
    return this.s.queued.all(limit) as { id: string; workflow_id: string | null }[];
  }
  queuedCount(): number {
    return (this.s.queuedCount.get() as { n: number }).n;
  }
  activeCount(workflowId: string): number {
    return (this.s.activeCount.get(workflowId) as { n: number }).n;
  }
  children(runId: string): { id: string; status: RunStatus }[] {
    return this.s.children.all(runId) as { id: string; status: RunStatus }[];
  }
  activeChildren(runId: string): string[] {
    return (this.s.activeChildren.all(runId) as { id: string }[]).map((r) => r.id);
  }

  startStep(step: {
    runId: string;
    nodeId: string;
    type: string;
    class: StepClass;
    mode: StepMode | null;
    attempt: number;
    attemptBase: number;
    interruptions: number;
    input: string | null;
    state: string | null;
    seq: number;
    now: number;
  }): void {
    const s = step;
    this.s.startStep.run(s.runId, s.nodeId, s.type, s.class, s.mode, s.attempt, s.attemptBase, s.interruptions, s.input, s.state, s.seq, s.now, s.now);
  }
  settleStep(step: SettledStep): void {
    const s = step;
    this.s.settleStep.run(s.runId, s.nodeId, s.type, s.class, s.status, s.mode, s.attempt, s.attemptBase, s.interruptions, s.input, s.output, s.port, s.error, s.state, s.wakeAt, s.approvalId, s.seq, s.startedAt, s.finishedAt, s.now);
  }
  steps(runId: string): StepRow[] {
    return this.s.steps.all(runId) as StepRow[];
  }
  cancelSteps(runId: string, now: number): void {
    this.s.cancelSteps.run(now, now, runId);
  }

  log(runId: string, nodeId: string | null, at: number, level: string, message: string, data: string | null): void {
    this.s.log.run(runId, uuidv7(at), nodeId, at, level, message, data);
  }
  logs(runId: string, limit = 1000): { node_id: string | null; at: number; level: string; message: string; data: string | null }[] {
    return this.s.logs.all(runId, limit) as { node_id: string | null; at: number; level: string; message: string; data: string | null }[];
  }
}
