import { z } from 'zod';
import type { BackupOperation } from '../../../../shared/contract/backup';
import type { BackupPort } from '../../backup-port';
import { nonRetriable, StepError, type StepServices } from '../step';

/** The param both backup steps take: a plan by its name or its id. */
export const planParam = z.string({ error: () => 'is required: a backup plan\u2019s name or id' }).min(1, 'is required: a backup plan\u2019s name or id').max(64, 'is not a plan name or id');

/** What backup.run and backup.check call; a process without the backup service says so and is not retried. */
export function backupsOf(services: StepServices): BackupPort {
  if (!services.backups) throw nonRetriable('BACKUPS_UNAVAILABLE', 'the backup service is not available in this process');
  return services.backups;
}

/**
 * The step's output is the operation's row; one that failed (or was cancelled) fails the step
 * with restic's reason, retriable (an unreachable repository may be back at the next try).
 */
export function operationOutput(op: BackupOperation): { output: BackupOperation } {
  if (op.status === 'failed' || op.status === 'cancelled' || op.status === 'interrupted') {
    throw new StepError(op.kind === 'check' ? 'CHECK_FAILED' : 'BACKUP_FAILED', `${op.kind} of ${op.plan} ${op.status} (operation ${op.id})${op.error ? `: ${op.error}` : ''}`);
  }
  return { output: op };
}

/** Where a plan name that does not exist, or a backup already running, stops the step for good (no retry helps). */
export async function callBackups<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'NOT_FOUND' || code === 'BAD_INPUT') throw nonRetriable(String(code), err instanceof Error ? err.message : String(err));
    throw err;
  }
}
