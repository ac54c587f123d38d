import type pg from 'pg';
import type { RunTrigger } from '../../../../shared/workflow';
import type { Clock } from '../../clock';
import { uuidv7 } from '../../ids';
import type { Logger } from '../../logger';
import type { RemoteDb } from '../../remote';
import type { Runner } from '../runner/runner';
import { LostLease } from '../runner/run-state';
import type { RunStore } from '../store/run-store';
import type { WorkflowStore } from '../store/workflow-store';
import type { LocalRunCache } from './local-cache';
import { sharedStore } from './shared-store';

export interface SharedRunsDeps {
  remote: RemoteDb;
  runner: Runner;
  runs: RunStore;
  workflows: WorkflowStore;
  cache: LocalRunCache;
  clock: Clock;
  log: Logger;
  /** The lease's holder in the shared store: this process's owner id. */
  owner: string;
  /** How long a claimed run stays this process's without a word from it. */
  leaseMs: number;
  /** The remote schema this build writes: a worker refuses runs of a newer one. */
  schemaVersion: number;
}

/** What driving one run came to. */
export type DriveOutcome =
  | { kind: 'ended'; status: string }
  | { kind: 'parked'; wakeAt: number | null }
  | { kind: 'busy' }
  | { kind: 'lost' };

/**
 * The engine over the shared store (queue mode). The one runner drives every run; for a run
 * claimed here, each committed transition is copied to the shared Postgres before the run
 * acts on it, so a worker that dies leaves the run where another can resume it: finished steps
 * are reloaded, a step cut off mid-flight runs again with the same idempotency key.
 */
export class SharedRuns {
  private readonly driving = new Set<string>();

  constructor(private readonly d: SharedRunsDeps) {
    d.runner.afterCommit = (runId) => this.mirror(runId);
  }

  get owner(): string {
    return this.d.owner;
  }

  /** Publishes a saved workflow (its current document) to the shared store. */
  async publish(workflowId: string, enabled?: boolean): Promise<void> {
    const row = this.d.workflows.get(workflowId);
    const document = row ? this.d.workflows.definition(row.definition_id) : undefined;
    if (!row || !document) throw new Error(`no saved workflow has id "${workflowId}"`);
    const w = { id: row.id, name: row.name, definitionId: row.definition_id, document, triggerType: document.trigger.type, enabled: enabled ?? row.enabled === 1 };
    await this.d.remote.run('publish a workflow', (pool) => sharedStore.publish(pool, w, this.d.schemaVersion));
  }

  /** A queued run of a published workflow in the shared store; undefined when its dedupe key already has one. */
  create(workflowId: string, trigger: RunTrigger, input: unknown, options: { dedupeKey?: string; scheduledFor?: number } = {}): Promise<string | undefined> {
    const now = this.d.clock.now();
    const run = {
      id: uuidv7(now),
      workflowId,
      trigger,
      input: input === undefined ? null : JSON.stringify(input),
      dedupeKey: options.dedupeKey ?? null,
      scheduledFor: options.scheduledFor ?? null,
      schemaVersion: this.d.schemaVersion,
      now,
    };
    return this.d.remote.run('create a run', (pool) => sharedStore.createRun(pool, run));
  }

  /** Claims a run in the shared store and drives it here until it ends or parks. */
  async drive(runId: string): Promise<DriveOutcome> {
    const { remote, owner, leaseMs } = this.d;
    const run = await remote.run('claim a run', (pool) => sharedStore.claim(pool, runId, owner, leaseMs));
    if (!run) return { kind: 'busy' };
    const wakeAt = run.wake_at === null ? null : Number(run.wake_at);
    if (run.status === 'waiting' && (wakeAt === null || wakeAt > this.d.clock.now())) {
      await remote.run('release a run', (pool) => sharedStore.release(pool, runId, owner));
      return { kind: 'parked', wakeAt };
    }
    const steps = await remote.run('read a run', (pool) => sharedStore.steps(pool, runId));
    this.d.cache.hydrate(run, steps, this.d.clock.now());
    this.driving.add(runId);
    try {
      const row = await this.d.runner.drive(runId);
      if (!row || row.status === 'running') return { kind: 'lost' };
      // the end or the park was committed here only: it reaches the shared store now
      await this.mirror(runId);
      if (row.status === 'waiting') return { kind: 'parked', wakeAt: row.wake_at };
      this.d.cache.forget(runId);
      return { kind: 'ended', status: row.status };
    } catch (err) {
      if (err instanceof LostLease) return { kind: 'lost' };
      throw err;
    } finally {
      this.driving.delete(runId);
    }
  }

  /** Renews the leases of the runs driven here (the worker's heartbeat). */
  renew(): Promise<void> {
    return this.d.remote.run('renew leases', (pool) => sharedStore.renew(pool, this.d.owner, this.d.leaseMs));
  }

  /** Runs whose worker died or that were handed back: each needs a job again. */
  orphans(): Promise<{ id: string; wakeAt: number | null }[]> {
    return this.d.remote.run('find orphaned runs', async (pool) => (await sharedStore.orphans(pool, this.d.leaseMs)).map((r) => ({ id: r.id, wakeAt: r.wake_at === null ? null : Number(r.wake_at) })));
  }

  /** Hands a run back (this worker is stopping before it could finish it). */
  release(runId: string): Promise<void> {
    return this.d.remote.run('release a run', (pool) => sharedStore.release(pool, runId, this.d.owner));
  }

  private async mirror(runId: string): Promise<void> {
    if (!this.driving.has(runId)) return;
    const run = this.d.runs.getRun(runId);
    if (!run) return;
    const steps = this.d.runs.steps(runId);
    let ours: boolean;
    try {
      ours = await this.d.remote.transaction('save a run', (client: pg.PoolClient) => sharedStore.mirror(client, run, steps, this.d.owner, this.d.leaseMs));
    } catch (err) {
      // the shared store cannot hear us: stop here; the lease runs out and another worker resumes the run
      this.d.log.warn({ runId, err: String(err) }, 'queue mode: could not save a run to the shared store');
      throw new LostLease(`run ${runId} could not be saved to the shared store`);
    }
    if (!ours) throw new LostLease(`run ${runId} was taken over by another worker`);
  }
}
