import type { BackgroundTask } from '../../background';
import type { Clock } from '../../clock';
import type { Db } from '../../db/open';
import type { Logger } from '../../logger';
import { Scheduler, ScheduleStore, type CronWorkflow } from '../../scheduler';
import type { Timer } from '../../timer';

/** The briefing's row in schedule_state. */
export const briefingScheduleKey = 'notify.briefing';

export interface BriefingScheduleDeps {
  db: Db;
  clock: Clock;
  timer: Timer;
  log: Logger;
  /** HH:MM and the IANA timezone it is in, or undefined while the briefing has no channel (off). */
  when(): { time: string; timezone: string } | undefined;
  /** The scheduled briefing of the fire time `at` (late: caught up after sleep or a closed app). */
  fire(at: number, late: boolean): void;
}

/**
 * The daily briefing on the app's cron scheduler (core/scheduler): one fixed-time job
 * `MM HH * * *` in the briefing timezone, so a local time that occurs twice (DST ends) fires
 * once and one that is skipped (DST starts) fires at the next valid minute. Catch-up `latest`
 * within a day: after the machine slept through one or several briefing times, the newest is
 * sent once when it wakes, not once per missed day. Progress survives restarts (schedule_state).
 */
export class BriefingSchedule {
  private readonly scheduler: Scheduler;

  constructor(private readonly d: BriefingScheduleDeps) {
    this.scheduler = new Scheduler({
      db: d.db,
      clock: d.clock,
      timer: d.timer,
      log: d.log,
      store: new ScheduleStore(d.db),
      workflows: () => this.entries(),
      fire: (_, at, late) => {
        try {
          d.fire(at, late);
        } catch (err) {
          // a failed briefing is logged, never retried every heartbeat
          d.log.error({ at, err: err instanceof Error ? err.message : String(err) }, 'the scheduled briefing could not be sent');
        }
        return `${briefingScheduleKey}@${at}`;
      },
      runStatus: () => undefined,
    });
  }

  /** The settings changed: plan the next briefing again. */
  refresh(): void {
    this.scheduler.refresh();
  }

  /** The next briefing time after `from`, or undefined when it is off. */
  next(from: number = this.d.clock.now()): number | undefined {
    const [entry] = this.entries();
    return entry ? this.scheduler.nextFire(entry.document, from) : undefined;
  }

  backgroundTask(): BackgroundTask {
    return {
      name: 'notify.briefing',
      start: () => {
        this.scheduler.start();
        return () => this.scheduler.stop();
      },
    };
  }

  private entries(): CronWorkflow[] {
    const when = this.d.when();
    if (!when) return [];
    const [hour, minute] = when.time.split(':').map(Number) as [number, number];
    return [
      {
        workflowId: briefingScheduleKey,
        definitionId: `${when.time}@${when.timezone}`,
        document: { trigger: { type: 'cron', expr: `${minute} ${hour} * * *`, timezone: when.timezone, overlap: 'skip', catchUp: 'latest', catchUpWindow: '24h' } },
      },
    ];
  }
}
