import type PgBoss from 'pg-boss';
import { CronSchedule } from '../scheduler';
import { sendRunJob } from './boss';

/** pg-boss 10 keeps one schedule per queue, so each scheduled workflow has its own queue. */
export const cronQueuePrefix = 'levqor-cron-';

export const cronQueue = (workflowId: string): string => `${cronQueuePrefix}${workflowId}`;

/** A published workflow whose trigger is a cron schedule. */
export interface WantedSchedule {
  workflowId: string;
  expr: string;
  timezone: string;
}

/** The schedules pg-boss should hold for these workflows (each one's cron trigger). */
export function cronSchedulesOf(workflows: readonly { workflowId: string; document: { trigger: { type: string; expr?: string; timezone?: string } } }[]): WantedSchedule[] {
  return workflows.flatMap(({ workflowId, document: { trigger } }) =>
    trigger.type === 'cron' && trigger.expr ? [{ workflowId, expr: trigger.expr, timezone: trigger.timezone ?? 'UTC' }] : [],
  );
}

/** A slot job's data, as the schedule gives it to pg-boss. */
export interface CronSlotJob {
  workflowId: string;
  expr: string;
  timezone: string;
}

/** What creating a run for a slot needs of the engine over the shared store. */
export interface SlotRunCreator {
  create(workflowId: string, trigger: 'cron', input: unknown, options: { dedupeKey: string; scheduledFor: number }): Promise<string | undefined>;
}

/**
 * Makes pg-boss's schedules match `wanted`: a queue and a schedule (cron and timezone) for each,
 * and every other schedule of ours removed. Returns the queues now scheduled.
 */
export async function syncCronSchedules(boss: PgBoss, wanted: readonly WantedSchedule[]): Promise<string[]> {
  const names = new Set(wanted.map((w) => cronQueue(w.workflowId)));
  for (const s of await boss.getSchedules()) {
    if (s.name.startsWith(cronQueuePrefix) && !names.has(s.name)) await boss.unschedule(s.name);
  }
  for (const w of wanted) {
    const name = cronQueue(w.workflowId);
    // the slot's job waits for whoever polls first; `short` keeps at most one waiting
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, policy: 'short', retryLimit: 5, retryDelay: 2, retryBackoff: true });
    const data: CronSlotJob = { workflowId: w.workflowId, expr: w.expr, timezone: w.timezone };
    await boss.schedule(name, w.expr, data, { tz: w.timezone });
  }
  return [...names];
}

/** The queues pg-boss holds schedules for (a worker takes slot jobs from each). */
export async function scheduledCronQueues(boss: PgBoss): Promise<string[]> {
  return (await boss.getSchedules()).map((s) => s.name).filter((n) => n.startsWith(cronQueuePrefix));
}

/**
 * The slot a job was sent for: the latest fire time at or before the job's creation. pg-boss
 * sends a slot within a minute of it, so every process computes the same time for one slot.
 */
export function slotOf(job: CronSlotJob, createdOn: number): number {
  const schedule = new CronSchedule(job.expr, job.timezone);
  let slot = Math.floor(createdOn / 60_000) * 60_000;
  for (let t = schedule.next(createdOn - 120_000); t !== undefined && t <= createdOn; t = schedule.next(t)) slot = t;
  return slot;
}

/**
 * One slot job: creates the slot's run in the shared store under its dedupe key (one run per
 * slot however many processes handle a job for it) and, only for its creator, queues it.
 */
export async function runCronSlot(boss: PgBoss, shared: SlotRunCreator, job: CronSlotJob, createdOn: number, schema: number): Promise<string | undefined> {
  const slot = slotOf(job, createdOn);
  const input = { scheduledFor: new Date(slot).toISOString(), firedAt: new Date(createdOn).toISOString(), late: false };
  const runId = await shared.create(job.workflowId, 'cron', input, { dedupeKey: `cron:${job.workflowId}:${slot}`, scheduledFor: slot });
  if (runId) await sendRunJob(boss, { runId, schema });
  return runId;
}

/**
 * Takes slot jobs from every queue in `names` (one polling loop each) and stops taking from
 * the ones no longer there; `working` is the caller's set of queues it takes from.
 */
export async function workCronQueues(boss: PgBoss, names: readonly string[], working: Set<string>, shared: SlotRunCreator, schema: number, pollingIntervalSeconds: number): Promise<void> {
  for (const name of working) {
    if (names.includes(name)) continue;
    working.delete(name);
    await boss.offWork(name);
  }
  for (const name of names) {
    if (working.has(name)) continue;
    working.add(name);
    await boss.work<CronSlotJob>(name, { batchSize: 1, pollingIntervalSeconds, includeMetadata: true }, async ([job]) => {
      if (job) await runCronSlot(boss, shared, job.data, job.createdOn.getTime(), schema);
    });
  }
}
