import { Cron } from 'croner';
import { cronFieldOrder, cronForms } from '../../../shared/cron';
import { cronFieldProblems } from './cron-check';

/**
 * Cron expressions through croner, always in an IANA timezone. 5 fields (minute precision) or
 * 6 (with seconds). DST follows croner: a fixed-time job (`30 1 * * *`) whose local time falls
 * in a spring-forward gap runs at the first valid time after it, and once when a local time
 * occurs twice; interval jobs (`*\/30 * * * *`) skip the gap and run on both repeated times.
 */
export class CronSchedule {
  private readonly cron: Cron;
  constructor(
    readonly expr: string,
    readonly timezone: string,
  ) {
    this.cron = new Cron(expr, { timezone, paused: true, mode: '5-or-6-parts' });
  }

  /** The first fire time strictly after `after` (epoch ms), or undefined when there is none. */
  next(after: number): number | undefined {
    const d = this.cron.nextRun(new Date(after));
    return d ? d.getTime() : undefined;
  }

  /** The next `count` fire times strictly after `after`. */
  upcoming(after: number, count: number): number[] {
    const out: number[] = [];
    let t = after;
    while (out.length < count) {
      const n = this.next(t);
      if (n === undefined) break;
      out.push(n);
      t = n;
    }
    return out;
  }

  /** Fire times in (from, to], oldest first, at most `limit` (the newest `limit` when there are more). */
  between(from: number, to: number, limit = 1000): number[] {
    const out: number[] = [];
    let t = from;
    for (;;) {
      const n = this.next(t);
      if (n === undefined || n > to) break;
      out.push(n);
      if (out.length > limit) out.shift();
      t = n;
    }
    return out;
  }

  /** The newest fire time in (from, to], if any. */
  latestBetween(from: number, to: number): number | undefined {
    return this.between(from, to, 1)[0];
  }

  /** A fire time as local wall-clock text in the schedule's timezone. */
  local(at: number): string {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone: this.timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: false,
      timeZoneName: 'short',
    }).format(new Date(at));
  }
}

export function isValidTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Why an expression is not a valid cron expression, or undefined when it is: every bad field by
 * name and what was typed there (cron-check.ts). croner decides; its own messages quote its
 * rewrite of the text ("(1-fry)"), so they are never passed on.
 */
export function cronProblem(expr: string, timezone = 'UTC'): string | undefined {
  let schedule: CronSchedule;
  try {
    schedule = new CronSchedule(expr, isValidTimezone(timezone) ? timezone : 'UTC');
  } catch {
    const fields = cronFieldProblems(expr);
    return fields.length > 0 ? fields.join('; ') : `is not a schedule the scheduler reads: write 5 fields (${cronFieldOrder}), each ${cronForms}`;
  }
  if (schedule.next(Date.UTC(2026, 0, 1)) === undefined && schedule.next(Date.now()) === undefined) return 'never fires: no date matches its day of month and month (such as 30 February)';
  return undefined;
}
