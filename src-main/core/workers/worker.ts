import type PgBoss from 'pg-boss';
import type { Logger } from '../logger';
import type { RemoteDb } from '../remote';
import { defaultBossTuning, sendRunJob, startBoss, type BossTuning } from './boss';
import { scheduledCronQueues, workCronQueues, type SlotRunCreator } from './cron-schedules';
import { newerSchemaRefusal, runsQueue, type RunJob } from './queues';
import { workerRegistry, type WorkerIdentity } from './worker-registry';

/** What driving one run came to (the engine's SharedRuns.drive). */
export type DriveOutcome = { kind: 'ended'; status: string } | { kind: 'parked'; wakeAt: number | null } | { kind: 'busy' } | { kind: 'lost' };

/** The engine over the shared store, as a worker uses it (core/workflows/shared/shared-runs.ts). */
export interface SharedRunDriver {
  readonly owner: string;
  drive(runId: string): Promise<DriveOutcome>;
  renew(): Promise<void>;
  orphans(): Promise<{ id: string; wakeAt: number | null }[]>;
  release(runId: string): Promise<void>;
  create: SlotRunCreator['create'];
}

export interface WorkerOptions {
  url: string;
  remote: RemoteDb;
  driver: SharedRunDriver;
  /** Hands this process's runs back (the engine's close): what SIGTERM does after the grace period. */
  closeEngine: () => void;
  identity: Omit<WorkerIdentity, 'id'>;
  log: Logger;
  /** Tells whoever started the worker (its terminal): a refused job, so an operator sees it without reading logs. */
  say: (text: string) => void;
  /** How long a run stays this worker's without a heartbeat; heartbeats come every third of it. */
  leaseMs: number;
  tuning?: BossTuning;
}

/**
 * `levqor worker`: claims run jobs from pg-boss, drives each through the engine over the
 * shared store, heartbeats into levqor_workers, and re-queues runs whose worker died.
 */
export class QueueWorker {
  private boss: PgBoss | undefined;
  private readonly running = new Map<string, Promise<void>>();
  private done = 0;
  private doneAtLastBeat = 0;
  private lastBeat = Date.now();
  private beatTimer: NodeJS.Timeout | undefined;
  private stopping = false;
  private readonly cronQueues = new Set<string>();

  constructor(private readonly o: WorkerOptions) {}

  get id(): string {
    return this.o.driver.owner;
  }

  async start(): Promise<void> {
    const { identity, log } = this.o;
    await this.o.remote.run('register the worker', (pool) => workerRegistry.register(pool, { ...identity, id: this.id }));
    const tuning = this.o.tuning ?? defaultBossTuning;
    this.boss = await startBoss(this.o.url, 'levqor-worker', (err) => log.warn({ err: err.message }, 'pg-boss: error'), tuning);
    const pollingIntervalSeconds = tuning.pollSeconds;
    if (identity.queues.includes(runsQueue)) {
      // one polling loop per slot: pg-boss 10 runs a loop's batch one job at a time
      for (let i = 0; i < identity.concurrency; i++) {
        await this.boss.work<RunJob>(runsQueue, { batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
          if (job) await this.track(job.id, this.handle(job.data));
        });
      }
      await this.takeCronSlots();
    }
    this.armBeat();
  }

  /** SIGTERM: stop taking jobs, let running ones finish within `graceMs`, hand back the rest. */
  async stop(graceMs: number): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    clearTimeout(this.beatTimer);
    const boss = this.boss;
    if (boss) for (const name of [runsQueue, ...this.cronQueues]) void boss.offWork(name).catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.running.values()]), new Promise((r) => (timer = setTimeout(r, graceMs)))]);
    clearTimeout(timer);
    // the runs still going are handed back: each handler releases its run and queues it again
    if (this.running.size > 0) this.o.closeEngine();
    await Promise.allSettled([...this.running.values()]);
    await boss?.stop({ graceful: true, timeout: 5_000, wait: true }).catch(() => undefined);
    await this.o.remote.run('deregister the worker', (pool) => workerRegistry.stopped(pool, this.id)).catch(() => undefined);
  }

  private async track(jobId: string, work: Promise<void>): Promise<void> {
    this.running.set(jobId, work);
    try {
      await work;
    } finally {
      this.running.delete(jobId);
      this.done++;
    }
  }

  private async handle(job: RunJob): Promise<void> {
    const refusal = newerSchemaRefusal(job, this.o.identity.schemaVersion);
    if (refusal) {
      this.o.log.warn({ runId: job.runId }, refusal);
      this.o.say(`levqor worker: refused: ${refusal}`);
      // failing the job leaves it to pg-boss's retries, which a newer worker picks up
      throw new Error(refusal);
    }
    const outcome = await this.o.driver.drive(job.runId);
    const boss = this.boss as PgBoss;
    if (outcome.kind === 'parked' && outcome.wakeAt !== null) await sendRunJob(boss, job, outcome.wakeAt);
    if (outcome.kind === 'lost' && this.stopping) {
      await this.o.driver.release(job.runId);
      await sendRunJob(boss, job);
    }
  }

  /** Schedules come and go with the app's workflows: take slot jobs from the queue of each one pg-boss holds. */
  private async takeCronSlots(): Promise<void> {
    const boss = this.boss;
    if (!boss || this.stopping) return;
    const { schemaVersion } = this.o.identity;
    await workCronQueues(boss, await scheduledCronQueues(boss), this.cronQueues, this.o.driver, schemaVersion, (this.o.tuning ?? defaultBossTuning).pollSeconds);
  }

  private armBeat(): void {
    this.beatTimer = setTimeout(() => {
      void this.beat().finally(() => {
        if (!this.stopping) this.armBeat();
      });
    }, Math.max(100, Math.floor(this.o.leaseMs / 3)));
  }

  /** Heartbeat: the worker's row, its runs' leases, and a job for every run whose worker died. */
  private async beat(): Promise<void> {
    try {
      const now = Date.now();
      const throughput = ((this.done - this.doneAtLastBeat) * 1000) / Math.max(1, now - this.lastBeat);
      this.doneAtLastBeat = this.done;
      this.lastBeat = now;
      await this.o.remote.run('heartbeat', (pool) => workerRegistry.beat(pool, this.id, this.running.size, this.done, throughput));
      await this.o.driver.renew();
      const boss = this.boss;
      if (!boss || this.stopping) return;
      for (const orphan of await this.o.driver.orphans()) await sendRunJob(boss, { runId: orphan.id, schema: this.o.identity.schemaVersion });
      if (this.o.identity.queues.includes(runsQueue)) await this.takeCronSlots();
    } catch (err) {
      this.o.log.warn({ err: String(err) }, 'worker heartbeat failed');
    }
  }
}
