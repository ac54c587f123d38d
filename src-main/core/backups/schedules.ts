import { defaultPlanRunPolicy, type PlanRunPolicy } from '../../../shared/backup';
import type { BackupOperation } from '../../../shared/contract/backup';
import type { RunStatus } from '../../../shared/workflow';
import type { BackgroundTask } from '../background';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logger';
import { every } from '../periodic';
import { withRetry, type RetryPolicy } from '../retry';
import { Scheduler, ScheduleStore, type CronWorkflow } from '../scheduler';
import type { Timer } from '../timer';
import type { BackupFactsReader } from './backup-facts';
import type { PlanStore, StoredPlan } from './plan-store';

/** How a plan's failed scheduled backup is tried again: its retries, the first wait doubling up to 15 minutes, with jitter. */
export function scheduledRetryOf(policy: PlanRunPolicy): RetryPolicy {
  return { maxAttempts: policy.retries + 1, initialMs: policy.retryDelayMs, maxMs: Math.max(policy.retryDelayMs, 15 * 60_000), backoff: 'exponential', jitter: true };
}

/** By default a scheduled backup that fails is tried again: 3 tries, 1 min then 2 min apart (with jitter). */
export const defaultScheduledRetry: RetryPolicy = scheduledRetryOf(defaultPlanRunPolicy);

/**
 * How a plan's schedules sit on the scheduler: a fire that comes while the previous scheduled
 * backup still runs is dropped (overlap `skip`) or runs once it ends (`queue`: the scheduler's
 * buffer-one); fires missed while the app was closed or asleep start once, the newest within a
 * day (catch-up `latest`), or not at all (`none`).
 */
function triggerPolicies(policy: PlanRunPolicy) {
  return { overlap: policy.overlap === 'queue' ? 'buffer-one' : 'skip', catchUp: policy.catchUp, catchUpWindow: '24h' } as const;
}

export interface ScheduleDeps {
  db: Db;
  clock: Clock;
  timer: Timer;
  log: Logger;
  events: EventBus;
  plans: PlanStore;
  facts: BackupFactsReader;
  /** Replaces every plan's own retry policy (tests use short waits). */
  retry?: RetryPolicy | undefined;
  random?: () => number;
  /** A backup of the plan, waited for; a failed one is its row, not a throw. */
  backup(plan: string): Promise<BackupOperation>;
  check(plan: string): Promise<BackupOperation>;
  /** After a scheduled backup succeeded: the plan's retention (pre-launch it only asks the founder). */
  retain(plan: StoredPlan): Promise<unknown>;
}

const scheduleKey = (kind: 'backup' | 'check', planId: string) => `${kind === 'backup' ? 'backup' : 'backup-check'}:${planId}`;

/** A try of a scheduled backup that ended failed: worth another try (a cancel or a missing plan is not). */
class FailedTry extends Error {
  constructor(readonly operation: BackupOperation) {
    super(operation.error ?? 'the backup failed');
  }
}

/**
 * Plans' backup and check schedules on the app's cron scheduler (core/scheduler): its
 * catch-up and overlap policies, its persisted progress (schedule_state, keyed
 * `backup:<plan id>` and `backup-check:<plan id>`). A failed scheduled backup is tried again
 * with backoff (core/retry.ts). Runs only in the background (levqor serve, the desktop app).
 */
export class BackupSchedules {
  private readonly scheduler: Scheduler;
  private readonly store: ScheduleStore;
  /** Fires still going, by the id the scheduler was given. */
  private readonly running = new Map<string, Promise<void>>();
  /** Aborted when the background stops: waits between retries end, and no further try starts. */
  private stopping = new AbortController();

  constructor(private readonly d: ScheduleDeps) {
    this.store = new ScheduleStore(d.db);
    this.scheduler = new Scheduler({
      db: d.db,
      clock: d.clock,
      timer: d.timer,
      log: d.log,
      store: this.store,
      workflows: () => d.plans.list().flatMap((p) => this.entries(p)),
      fire: (entry, at) => this.fire(entry, at),
      runStatus: (id): RunStatus | undefined => (this.running.has(id) ? 'running' : undefined),
    });
  }

  /** Plans were added, changed or removed: plan the fires again. */
  refresh(): void {
    this.scheduler.refresh();
  }

  /** A plan changed its schedule or is gone: its progress starts again (nothing before now was missed). */
  reset(planId: string): void {
    this.store.delete(scheduleKey('backup', planId));
    this.store.delete(scheduleKey('check', planId));
    this.refresh();
  }

  /** Resolves once the fires started so far have ended (their backup, retries and retention). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running.values());
  }

  get isRunning(): boolean {
    return this.scheduler.isRunning;
  }

  /**
   * Announces backup.stale for each plan that has become stale, once per stale period (it
   * ends with the plan's next successful backup); the period announced is kept on the plan's
   * row, so a restart does not announce it again. Returns the plans announced now.
   */
  announceStale(now: number = this.d.clock.now()): string[] {
    const fresh: string[] = [];
    for (const stale of this.d.facts.stalePlans(now)) {
      const period = String(stale.lastSuccessAt ?? 'never');
      if (this.d.plans.staleAnnounced(stale.planId) === period) continue;
      this.d.plans.markStaleAnnounced(stale.planId, period);
      fresh.push(stale.plan);
      this.d.log.warn({ plan: stale.plan, ageMs: stale.ageMs, intervalMs: stale.intervalMs }, 'backup plan is stale');
      this.d.events.emit('backup.stale', { ...stale, at: now });
    }
    return fresh;
  }

  /**
   * The plan's backup as a schedule runs it: tried again with backoff (the plan's retries and
   * delay) while it fails, until it succeeds, the tries are used up, or the app stops.
   * Resolves with the last try's row.
   */
  async backupWithRetry(plan: string, signal: AbortSignal = this.stopping.signal): Promise<BackupOperation> {
    const stored = this.d.plans.byName(plan) ?? this.d.plans.byId(plan);
    const retry = this.d.retry ?? scheduledRetryOf(stored?.runPolicy ?? defaultPlanRunPolicy);
    // a wait between tries that the background's stop cut short: the last try's row is the answer
    let last: BackupOperation | undefined;
    try {
      return await withRetry(
        async () => {
          const op = await this.d.backup(plan);
          last = op;
          if (op.status === 'failed') throw new FailedTry(op);
          return op;
        },
        retry,
        {
          isTransient: (err) => err instanceof FailedTry,
          onRetry: (err, attempt, delayMs) => this.d.log.warn({ plan, attempt, delayMs, error: err instanceof Error ? err.message : String(err) }, 'scheduled backup failed; trying again'),
          signal,
          timer: this.d.timer,
          ...(this.d.random ? { random: this.d.random } : {}),
        },
      );
    } catch (err) {
      if (err instanceof FailedTry) return err.operation;
      if (last && signal.aborted) return last;
      throw err;
    }
  }

  backgroundTasks(): BackgroundTask[] {
    return [
      {
        name: 'backups.schedules',
        start: () => {
          this.stopping = new AbortController();
          this.scheduler.start();
          return () => {
            this.scheduler.stop();
            this.stopping.abort(new CoreError('CANCELLED', 'the background stopped'));
          };
        },
      },
      every('backups.stale', () => 60_000, () => this.announceStale(), this.d.log),
    ];
  }

  private entries(plan: StoredPlan): CronWorkflow[] {
    const at = (kind: 'backup' | 'check', cron: string | null): CronWorkflow[] =>
      cron === null ? [] : [{ workflowId: scheduleKey(kind, plan.id), definitionId: `${plan.id}@${plan.updatedAt}`, document: { trigger: { type: 'cron', expr: cron, timezone: plan.timezone, ...triggerPolicies(plan.runPolicy) } } }];
    return [...at('backup', plan.scheduleCron), ...at('check', plan.checkCron)];
  }

  /** A fire of the backup schedule: the backup (retried), then the plan's retention once it succeeded. */
  private async scheduledBackup(plan: StoredPlan): Promise<void> {
    const op = await this.backupWithRetry(plan.name);
    if (op.status === 'succeeded') await this.d.retain(plan);
  }

  private fire(entry: CronWorkflow, at: number): string {
    const id = `${entry.workflowId}@${at}`;
    const [kind, planId] = entry.workflowId.split(':') as [string, string];
    const plan = this.d.plans.list().find((p) => p.id === planId);
    if (!plan) return id;
    const work = kind === 'backup' ? this.scheduledBackup(plan) : this.d.check(plan.name);
    const ended = work
      .then(() => undefined)
      .catch((err: unknown) => this.d.log.warn({ plan: plan.name, kind, err: err instanceof Error ? err.message : String(err) }, 'scheduled backup operation did not run'))
      .finally(() => {
        this.running.delete(id);
        this.scheduler.runEnded(id);
      });
    this.running.set(id, ended);
    return id;
  }
}
