import { block, definePreflightCheck, pass, warn } from '../check';

const dayMs = 24 * 3_600_000;

/** A successful backup newer than 24 h, and a `restic check` that found nothing wrong, with none failing since; no plan at all warns. */
export const recentBackup = definePreflightCheck({ id: 'backups.recent', label: 'A fresh backup and a clean check', fix: '#/backups', unreachable: 'block' }, ({ sources, now }) => {
  const { backups } = sources;
  if (backups.planCount() === 0) return warn('No backup plan exists: add one and run it before customers depend on your data.');
  const last = backups.lastSuccessAt();
  if (last === undefined) return block('No backup has succeeded yet: run a backup.');
  if (now - last > dayMs) return block(`The newest successful backup is ${Math.floor((now - last) / 3_600_000)} h old: run a backup (one newer than 24 h is needed).`);
  const failed = backups.failedChecks();
  if (failed.length > 0) return block(`The latest check of ${failed.map((f) => f.plan).join(', ')} found problems: fix the repository and check again.`);
  if (backups.lastCleanCheckAt() === undefined) return block('No backup check has passed yet: run a check of your repository.');
  return pass(`Backed up ${Math.floor((now - last) / 60_000)} min ago; the latest checks found nothing wrong.`);
});
