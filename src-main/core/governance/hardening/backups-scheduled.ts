import { defineHardeningItem } from './item';

export const backupsScheduled = defineHardeningItem({ id: 'backups.scheduled', label: 'Backups scheduled and checked', where: 'any', fix: '#/backups' }, ({ backups }) => {
  if (backups.scheduledPlans() === 0) return { status: 'fail', reason: 'No backup plan runs on a schedule: give a plan a schedule in Backups.' };
  const failed = backups.failedChecks();
  if (failed.length > 0) return { status: 'fail', reason: `The latest check of ${failed.map((f) => f.plan).join(', ')} found problems.` };
  if (backups.lastCleanCheckAt() === undefined) return { status: 'warn', reason: 'Backups are scheduled but no check has passed yet: run a check of the repository.' };
  return { status: 'pass', reason: `${backups.scheduledPlans()} plan(s) on a schedule; the latest checks found nothing wrong.` };
});
