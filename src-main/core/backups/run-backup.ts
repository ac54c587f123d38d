import { join } from 'node:path';
import { rmSync } from 'node:fs';
import type { BackupOperation } from '../../../shared/contract/backup';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import type { EventBus } from '../event-bus';
import { stageAppData } from './app-snapshot';
import type { Done } from './operation-store';
import { checkSources } from './plan-input';
import type { StoredPlan } from './plan-store';
import type { BackupResult, CallOptions, RepositoryAccess, Restic } from './restic/restic';

export interface BackupRun {
  db: Db;
  dataDir: string;
  clock: Clock;
  events: EventBus;
  productsDir(): string;
  restic: Restic;
  access: RepositoryAccess;
  plan: StoredPlan;
  operation: BackupOperation;
  /** Cancelling, and where restic's pid is recorded. */
  control: CallOptions;
  /** The plan's tag, on every snapshot it makes. */
  tag: string;
  /** How long restic may retry a repository that does not answer before the backup fails (Restic.backup's default otherwise). */
  unreachableAfterMs?: number | undefined;
}

/**
 * One `restic backup` of a plan's sources: the app's own data staged first (app-snapshot.ts),
 * the folders as they are, the plan's excludes; restic's status lines become backup.progress
 * events. The staging folder is removed however it ends.
 */
export async function runBackup(run: BackupRun): Promise<Done<BackupResult>> {
  const { plan, operation } = run;
  const notes: string[] = [];
  const paths: string[] = [];
  const staging = join(run.dataDir, 'backups', 'staging', plan.id);
  try {
    // a folder removed since the plan was made fails the run with its field, before restic starts
    for (const source of checkSources(plan.sources)) {
      if (source.kind === 'folder') paths.push(source.path);
      else if (source.kind === 'postgres') notes.push('the postgres source was skipped: backing up the remote Postgres is not built yet');
      else paths.push(...(await stageAppData(run.db, staging, run.productsDir(), run.clock.now())).paths);
    }
    if (paths.length === 0) throw new CoreError('BAD_INPUT', 'sources: nothing to back up (the plan\u2019s only source is not built yet)', 'sources');
    const { value, log } = await run.restic.backup(run.access, {
      paths,
      excludes: plan.excludes,
      tags: ['levqor', run.tag],
      ...run.control,
      ...(run.unreachableAfterMs !== undefined ? { unreachableAfterMs: run.unreachableAfterMs } : {}),
      onStatus: (s) =>
        run.events.emit('backup.progress', {
          operationId: operation.id,
          plan: plan.name,
          percent: s.percent_done,
          filesDone: s.files_done ?? 0,
          totalFiles: s.total_files ?? null,
          bytesDone: s.bytes_done ?? 0,
          totalBytes: s.total_bytes ?? null,
          secondsRemaining: s.seconds_remaining ?? null,
        }),
    });
    const { summary, unreadable } = value;
    if (unreadable.length > 0) notes.push(`restic could not read ${unreadable.length} file(s), left out of the snapshot: ${unreadable.slice(0, 20).join(', ')}`);
    return {
      value,
      log: [...notes, log].filter(Boolean).join('\n'),
      end: {
        bytes: summary.total_bytes_processed,
        files: summary.total_files_processed,
        bytesAdded: summary.data_added,
        snapshotId: summary.snapshot_id,
        error: notes.length > 0 ? notes.join('; ') : null,
      },
    };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
