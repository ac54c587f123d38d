import type { CronSchedule } from './cron';

export type CatchUp = 'none' | 'latest' | 'all';

export interface FirePlan {
  /** Fire times to start now, oldest first; `late` marks the catch-up ones. */
  fire: { at: number; late: boolean }[];
  /** Missed fire times that will not run (outside the window, or dropped by the policy). */
  dropped: number;
}

/**
 * Which fire times in (lastChecked, now] to start (Temporal schedules' semantics). A time
 * within `toleranceMs` of now is on time and always fires. Older ones were missed (the
 * machine slept, the app was closed, the clock jumped): `none` drops them, `latest` fires
 * only the newest one within `windowMs`, `all` fires every one within `windowMs`, in order.
 * Overlap policy is applied afterwards, to each fire in turn.
 */
export function planFires(schedule: CronSchedule, lastChecked: number, now: number, policy: CatchUp, windowMs: number, toleranceMs: number, limit = 1000): FirePlan {
  if (now <= lastChecked) return { fire: [], dropped: 0 };
  const horizon = Math.max(windowMs, toleranceMs);
  const from = Math.max(lastChecked, now - horizon);
  const times = schedule.between(from, now, limit);
  const onTime: number[] = [];
  const missed: number[] = [];
  for (const t of times) (now - t <= toleranceMs ? onTime : missed).push(t);
  const inWindow = missed.filter((t) => now - t <= windowMs);
  let fire: { at: number; late: boolean }[];
  if (policy === 'latest') {
    const newest = onTime.length > 0 ? { at: onTime.at(-1) as number, late: false } : inWindow.length > 0 ? { at: inWindow.at(-1) as number, late: true } : undefined;
    fire = newest ? [newest] : [];
  } else {
    fire = [...(policy === 'all' ? inWindow.map((at) => ({ at, late: true })) : []), ...onTime.map((at) => ({ at, late: false }))];
  }
  const dropped = times.length - fire.length;
  return { fire, dropped };
}
