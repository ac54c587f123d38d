import type { RetentionPolicy } from '../../../../shared/backup';

const flags = {
  keepLast: '--keep-last',
  keepHourly: '--keep-hourly',
  keepDaily: '--keep-daily',
  keepWeekly: '--keep-weekly',
  keepMonthly: '--keep-monthly',
  keepYearly: '--keep-yearly',
  keepWithin: '--keep-within',
} as const satisfies Record<Exclude<keyof RetentionPolicy, 'keepTags'>, string>;

/** A retention policy as restic's `forget` flags, in a fixed order. */
export function retentionArgs(policy: RetentionPolicy): string[] {
  const args: string[] = [];
  for (const [key, flag] of Object.entries(flags) as [keyof typeof flags, string][]) {
    const value = policy[key];
    if (value !== undefined) args.push(flag, String(value));
  }
  for (const tag of policy.keepTags ?? []) args.push('--keep-tag', tag);
  return args;
}
