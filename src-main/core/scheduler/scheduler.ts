import { parseDuration, type CronTrigger, type RunStatus, type WorkflowDocument } from '../../../shared/workflow';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import type { Logger } from '../logger';
import { Alarm } from '../alarm';
import type { Timer } from '../timer';
import { planFires } from './catch-up';
import { CronSchedule } from './cron';
import { decideOverlap } from './overlap';
import type { ScheduleStore, ScheduleState } from './schedule-store';

/**
 * One cron schedule: a workflow's cron trigger, or anything else kept on the same clock (a
 * backup plan's schedule). `workflowId` is its key in schedule_state; `definitionId` its version.
 */
export interface CronWorkflow {
  workflowId: string;
  definitionId: string;
  document: Pick<WorkflowDocument, 'trigger'>;
}

export interface SchedulerDeps {
  db: Db;
  clock: Clock;
  timer: Timer;
  log: Logger;
  store: ScheduleStore;
  /** Every enabled workflow with a cron trigger (or every other schedule this scheduler keeps). */
  workflows(): CronWorkflow[];
  /** Starts a run for one fire time (idempotent per workflow and time); returns its id, which runStatus reads. */
  fire(workflow: CronWorkflow, at: number, late: boolean): string;
  runStatus(runId: string): RunStatus | undefined;
}

export const schedulerLimits = {
  /** A fire time this close to now is on time, not missed. */
  toleranceMs: 60_000,
  /** How often the clock is compared with the plan, to notice sleep and clock jumps. */
  heartbeatMs: 30_000,
};

const active = (s: RunStatus | undefined) => s === 'queued' || s === 'running' || s === 'waiting';

/**
 * Cron triggers. One timer at the next fire time of any schedule, plus a heartbeat; each
 * wake-up (on time, late after sleep, or after a clock jump) compares now with where each
 * schedule got to (persisted), plans the fires with the catch-up policy and applies the
 * overlap policy. A fire and its bookkeeping commit together, and runs are deduplicated per
 * workflow and fire time, so a fire is never lost or doubled by a crash or a second process.
 */
export class Scheduler {
  private running = false;
  /** The next fire time of any schedule. */
  private readonly fireAlarm: Alarm;
  private readonly heartbeatAlarm: Alarm;
  private readonly schedules = new Map<string, CronSchedule>();
  private ticking = false;

  constructor(private readonly d: SchedulerDeps) {
    this.fireAlarm = new Alarm(d.timer, d.clock);
    this.heartbeatAlarm = new Alarm(d.timer, d.clock);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.tick();
    this.armHeartbeat();
  }

  stop(): void {
    this.running = false;
    this.fireAlarm.clear();
    this.heartbeatAlarm.clear();
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Workflows changed (saved, enabled, deleted): re-plan. */
  refresh(): void {
    if (this.running) this.tick();
  }

  /** A run ended: start the buffered fire of its schedule, if any. */
  runEnded(runId: string): void {
    if (this.running) {
      for (const w of this.safeWorkflows()) {
        const state = this.d.store.get(w.workflowId);
        if (state?.activeRunId === runId && state.bufferedFireAt !== null) {
          this.tick();
          return;
        }
      }
    }
  }

  schedule(trigger: CronTrigger): CronSchedule {
    const key = `${trigger.expr}\u0000${trigger.timezone}`;
    let s = this.schedules.get(key);
    if (!s) {
      s = new CronSchedule(trigger.expr, trigger.timezone);
      this.schedules.set(key, s);
    }
    return s;
  }

  /** Next fire time of a cron workflow after `from`. */
  nextFire(document: Pick<WorkflowDocument, 'trigger'>, from: number = this.d.clock.now()): number | undefined {
    if (document.trigger.type !== 'cron') return undefined;
    return this.schedule(document.trigger).next(from);
  }

  /** Handles everything due now; then arms the timer for the next fire. */
  tick(): void {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const now = this.d.clock.now();
      let next: number | undefined;
      for (const w of this.safeWorkflows()) {
        try {
          this.tickOne(w, now);
          const n = this.nextFire(w.document, now);
          if (n !== undefined && (next === undefined || n < next)) next = n;
        } catch (err) {
          this.d.log.error({ workflowId: w.workflowId, err: String(err) }, 'schedule tick failed');
        }
      }
      this.armFire(next);
    } finally {
      this.ticking = false;
    }
  }

  private safeWorkflows(): CronWorkflow[] {
    try {
      return this.d.workflows();
    } catch (err) {
      this.d.log.error({ err: String(err) }, 'could not list scheduled workflows');
      return [];
    }
  }

  private tickOne(w: CronWorkflow, now: number): void {
    const trigger = w.document.trigger;
    if (trigger.type !== 'cron') return;
    const schedule = this.schedule(trigger);
    const existing = this.d.store.get(w.workflowId);
    const state: ScheduleState = existing ?? {
      workflowId: w.workflowId,
      definitionId: w.definitionId,
      // a new schedule starts now: nothing before it was "missed"
      lastCheckedAt: now,
      lastFireAt: null,
      bufferedFireAt: null,
      activeRunId: null,
    };
    state.definitionId = w.definitionId;
    const windowMs = parseDuration(trigger.catchUpWindow) ?? 86_400_000;
    const plan = planFires(schedule, state.lastCheckedAt, now, trigger.catchUp, windowMs, schedulerLimits.toleranceMs);
    if (plan.dropped > 0) this.d.log.info({ workflowId: w.workflowId, dropped: plan.dropped, catchUp: trigger.catchUp }, 'missed cron fires dropped');

    this.d.db.transaction(() => {
      let dirty = existing === undefined || now > state.lastCheckedAt;
      // the run a buffered fire waited for has ended
      if (state.bufferedFireAt !== null && !active(state.activeRunId ? this.d.runStatus(state.activeRunId) : undefined)) {
        state.activeRunId = this.d.fire(w, state.bufferedFireAt, true);
        state.lastFireAt = Math.max(state.lastFireAt ?? 0, state.bufferedFireAt);
        state.bufferedFireAt = null;
        dirty = true;
      }
      for (const f of plan.fire) {
        const previousActive = active(state.activeRunId ? this.d.runStatus(state.activeRunId) : undefined);
        const decision = decideOverlap(trigger.overlap, previousActive, state.bufferedFireAt !== null);
        if (decision === 'start') {
          state.activeRunId = this.d.fire(w, f.at, f.late);
          state.lastFireAt = f.at;
        } else if (decision === 'buffer') state.bufferedFireAt = f.at;
        else this.d.log.info({ workflowId: w.workflowId, at: f.at, overlap: trigger.overlap }, 'cron fire skipped: previous run still going');
        dirty = true;
      }
      state.lastCheckedAt = Math.max(state.lastCheckedAt, now);
      if (dirty) this.d.store.put(state, now);
    })();
  }

  private armFire(next: number | undefined): void {
    this.fireAlarm.clear();
    if (!this.running || next === undefined) return;
    this.fireAlarm.setAt(next, () => this.tick(), { unref: true });
  }

  private armHeartbeat(): void {
    if (!this.running) return;
    this.heartbeatAlarm.setIn(
      schedulerLimits.heartbeatMs,
      () => {
        this.tick();
        this.armHeartbeat();
      },
      { unref: true },
    );
  }
}
