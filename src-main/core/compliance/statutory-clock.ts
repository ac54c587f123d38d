import type { subjectRequestLaws } from '../../../shared/contract/compliance';

type Law = (typeof subjectRequestLaws)[number];

const dayMs = 86_400_000;

/**
 * The statutory deadline of a request received at `at`: GDPR art. 12(3) one month (the same day
 * of the next month, or its last day when that month is shorter), CCPA 45 days.
 */
export function dueAt(law: Law, at: number): number {
  if (law === 'ccpa') return at + 45 * dayMs;
  const d = new Date(at);
  const next = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
  next.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return next.getTime();
}

/** A request is announced once this close to its deadline, and again once overdue. */
export const dueSoonMs = 7 * dayMs;
