import type PgBoss from 'pg-boss';
import type { Logger } from '../logger';
import { CoreError } from '../errors';
import type { RemoteDb } from '../remote';
import { defaultBossTuning, sendRunJob, startBoss } from './boss';
import { syncCronSchedules, workCronQueues, type WantedSchedule } from './cron-schedules';

/** What the control plane needs of the engine over the shared store (core/workflows/shared/shared-runs.ts). */
export interface SharedPublisher {
  publish(workflowId: string, enabled?: boolean): Promise<void>;
  create(workflowId: string, trigger: 'manual' | 'cron', input: unknown, options?: { dedupeKey?: string; scheduledFor?: number }): Promise<string | undefined>;
}

export interface QueueControlDeps {
  remote: RemoteDb;
  mode: () => 'off' | 'on';
  /** The engine over the shared store, made on first use (it connects nothing until then). */
  shared: () => SharedPublisher;
  /** The saved workflows: what publishing compares against what it last published. */
  workflows: () => { id: string; enabled: boolean; draft: boolean; version: number }[];
  /** The enabled workflows with a cron trigger: while queue mode is on, pg-boss's cron owns their schedules. */
  schedules: () => WantedSchedule[];
  schemaVersion: number;
  log: Logger;
}

export interface QueuePreflight {
  ready: boolean;
  schemaVersion?: number;
  problems: string[];
}

/**
 * The app as the control plane of queue mode: publishes saved workflows to the shared store
 * while `queue.mode` is on, and queues runs for the workers.
 */
export class QueueControl {
  private readonly published = new Map<string, string>();
  private publishing: Promise<void> = Promise.resolve();
  private boss: Promise<PgBoss> | undefined;
  private readonly cronQueues = new Set<string>();

  constructor(private readonly d: QueueControlDeps) {}

  /** Whether queue mode can work: a shared Postgres configured, reachable, its schema migrated to this build's. */
  async preflight(): Promise<QueuePreflight> {
    if (!this.d.remote.configured) return { ready: false, problems: ['database.url: no shared Postgres is configured (levqor secrets set database.url)'] };
    try {
      const status = await this.d.remote.check();
      const version = status.schemaVersion ?? 0;
      if (version < this.d.schemaVersion) return { ready: false, schemaVersion: version, problems: [`database.url: the shared Postgres has schema ${version}, queue mode needs ${this.d.schemaVersion}`] };
      return { ready: true, schemaVersion: version, problems: [] };
    } catch (err) {
      return { ready: false, problems: [`database.url: ${err instanceof Error ? err.message : String(err)}`] };
    }
  }

  /** Saved workflows changed: while queue mode is on, publish each one whose version or switch changed (in order, one pass at a time). */
  workflowsChanged(): void {
    if (this.d.mode() !== 'on') return;
    this.publishing = this.publishing.then(() => this.publishChanged()).catch((err: unknown) => {
      this.d.log.warn({ err: String(err) }, 'queue mode: publishing workflows failed; the next change tries again');
    });
  }

  /** queue.mode changed: on publishes (and schedules); off removes every schedule of ours from pg-boss. */
  modeChanged(): void {
    if (this.d.mode() === 'on') return this.workflowsChanged();
    if (!this.d.remote.configured) return;
    this.publishing = this.publishing.then(() => this.unscheduleAll()).catch((err: unknown) => {
      this.d.log.warn({ err: String(err) }, 'queue mode off: removing the schedules from pg-boss failed');
    });
  }

  /** Resolves once the publishing asked for so far is done (tests, and enqueue before it queues). */
  settled(): Promise<void> {
    return this.publishing;
  }

  /** Queues a run of a saved workflow for the workers; refused while queue mode is off or not ready. */
  async enqueue(workflowId: string, input: unknown): Promise<{ runId: string }> {
    if (this.d.mode() !== 'on') throw new CoreError('CONFLICT', 'queue.mode: is off; turn it on (levqor settings set queue.mode on) to run workflows on the workers', 'queue.mode');
    const row = this.d.workflows().find((w) => w.id === workflowId);
    if (!row) throw new CoreError('NOT_FOUND', `workflowId: no saved workflow has id "${workflowId}"`, 'workflowId');
    if (row.draft) throw new CoreError('BAD_INPUT', `workflowId: "${workflowId}" is a draft with problems; save it valid before running it`, 'workflowId');
    const check = await this.preflight();
    if (!check.ready) throw new CoreError('UNAVAILABLE', check.problems.join('; '), 'database.url');
    await this.publishChanged();
    const runId = await this.d.shared().create(workflowId, 'manual', input);
    if (!runId) throw new CoreError('INTERNAL', 'the shared store did not take the run');
    await sendRunJob(await this.startBoss(), { runId, schema: this.d.schemaVersion });
    return { runId };
  }

  async close(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    if (boss) await (await boss.catch(() => undefined))?.stop({ graceful: false, wait: true }).catch(() => undefined);
  }

  private async publishChanged(): Promise<void> {
    for (const w of this.d.workflows()) {
      if (w.draft) continue;
      const key = `${w.version}:${w.enabled}`;
      if (this.published.get(w.id) === key) continue;
      await this.d.shared().publish(w.id, w.enabled);
      this.published.set(w.id, key);
    }
    await this.syncSchedules(this.d.schedules());
  }

  /** pg-boss's schedules made to match the enabled cron workflows; this app takes slot jobs too (one run per slot wherever it is handled). */
  private async syncSchedules(wanted: WantedSchedule[]): Promise<void> {
    const boss = await this.startBoss();
    const names = await syncCronSchedules(boss, wanted);
    await workCronQueues(boss, names, this.cronQueues, this.d.shared(), this.d.schemaVersion, defaultBossTuning.pollSeconds);
  }

  private async unscheduleAll(): Promise<void> {
    await this.syncSchedules([]);
    this.published.clear();
  }

  private startBoss(): Promise<PgBoss> {
    this.boss ??= startBoss(
      { executeSql: (text, values) => this.d.remote.run('queue a job', (pool) => pool.query(text, values)) },
      'levqor-app',
      (err) => this.d.log.warn({ err: err.message }, 'pg-boss: error'),
    );
    this.boss.catch(() => (this.boss = undefined));
    return this.boss;
  }
}
