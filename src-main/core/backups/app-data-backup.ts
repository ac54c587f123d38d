import type { BackupOperation, BackupPlan } from '../../../shared/contract/backup';
import { CoreError } from '../errors';

/** What backing up the app's data before an upgrade needs of the backup service. */
export interface AppDataBackups {
  list(): BackupPlan[];
  run(name: string, wait: boolean): Promise<BackupOperation>;
}

export const noAppDataPlan = 'no backup plan backs up the app\u2019s data (add one: levqor backup plan add NAME --repo REPO --source app)';

/** The plan that backs up the app's own data: the first by name whose sources include `app`. */
export function appDataPlan(plans: readonly BackupPlan[]): BackupPlan | undefined {
  return plans.filter((p) => p.sources.some((s) => s.kind === 'app')).sort((a, b) => a.name.localeCompare(b.name))[0];
}

/** The "back up first" step as the founder reads it before approving: which plan runs, or plainly that none will. */
export function describeAppDataBackup(backups: Pick<AppDataBackups, 'list'>): string {
  const plan = appDataPlan(backups.list());
  return plan ? `Run the backup plan ${plan.name} (it backs up the app\u2019s data: levqor.db through SQLite\u2019s online backup, products, settings, secrets still encrypted) and wait for it to succeed` : `Back up first: ${noAppDataPlan}, so no backup will be taken`;
}

/**
 * Runs the app-data plan and waits: the snapshot it made, or plainly that there is no such plan.
 * A backup that does not succeed throws, so what was to follow (an install) does not happen.
 */
export async function backUpAppDataFirst(backups: AppDataBackups): Promise<string> {
  const plan = appDataPlan(backups.list());
  if (!plan) return `${noAppDataPlan}: none taken`;
  const op = await backups.run(plan.name, true);
  if (op.status !== 'succeeded') throw new CoreError('UNAVAILABLE', `the backup plan ${plan.name} did not succeed (${op.status}${op.error ? `: ${op.error}` : ''})`);
  return `backup taken: snapshot ${op.snapshotId} of the plan ${plan.name}`;
}
