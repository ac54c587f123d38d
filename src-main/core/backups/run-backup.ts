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
import type { SecretStore } from '../secrets';
import { backupPostgres } from './postgres-dump';
import type { BackupStatus } from './restic/messages';
import type { BackupResult, CallOptions, RepositoryAccess, Restic } from './restic/restic';

export interface BackupRun {
  db: Db;
  env: NodeJS.ProcessEnv;
  secrets: Pick<SecretStore, 'reveal'>;
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
  /** More tags for this run's snapshots (the live data kept before a restore). */
  extraTags?: readonly string[];
  /** How long restic may retry a repository that does not answer before the backup fails (Restic.backup's default otherwise). */
  unreachableAfterMs?: number | undefined;
}

/** Where a plan's app data is staged for restic (so a snapshot's root is this path). */
export function stagingFolder(dataDir: string, planId: string): string {
  return join(dataDir, 'backups', 'staging', planId);
}

/**
 * One `restic backup` of a plan's sources: the app's own data staged first (app-snapshot.ts),
 * the folders as they are, the plan's excludes; the remote Postgres, when a source, is its own
 * snapshot (restic takes standard input alone), made after the files. restic's status lines
 * become backup.progress events. The staging folder is removed however it ends.
 */
export async function runBackup(run: BackupRun): Promise<Done<BackupResult>> {
  const { plan, operation } = run;
  const notes: string[] = [];
  const paths: string[] = [];
  const staging = stagingFolder(run.dataDir, plan.id);
  const onStatus = (s: BackupStatus) =>
    run.events.emit('backup.progress', {
      operationId: operation.id,
      plan: plan.name,
      percent: s.percent_done,
      filesDone: s.files_done ?? 0,
      totalFiles: s.total_files ?? null,
      bytesDone: s.bytes_done ?? 0,
      totalBytes: s.total_bytes ?? null,
      secondsRemaining: s.seconds_remaining ?? null,
    });
  try {
    // a folder removed since the plan was made fails the run with its field, before restic starts
    const sources = checkSources(plan.sources);
    for (const source of sources) {
      if (source.kind === 'folder') paths.push(source.path);
      else if (source.kind === 'app') paths.push(...(await stageAppData(run.db, staging, run.productsDir(), run.clock.now())).paths);
    }
    const url = sources.some((s) => s.kind === 'postgres') ? postgresUrl(run) : undefined;
    const done: Array<{ value: BackupResult; log: string }> = [];
    if (paths.length > 0) done.push(await run.restic.backup(run.access, { paths, excludes: plan.excludes, tags: ['levqor', run.tag, ...(run.extraTags ?? [])], ...run.control, ...(run.unreachableAfterMs !== undefined ? { unreachableAfterMs: run.unreachableAfterMs } : {}), onStatus }));
    if (url) {
      const dumped = await backupPostgres({ restic: run.restic, access: run.access, url, env: run.env, tags: ['levqor', run.tag, ...(run.extraTags ?? []), 'postgres'], ...run.control, onStatus });
      if (done.length > 0) notes.push(`the remote Postgres dump is its own snapshot, ${dumped.value.summary.snapshot_id}`);
      done.push(dumped);
    }
    const first = done[0]!;
    const unreadable = done.flatMap((d) => d.value.unreadable);
    if (unreadable.length > 0) notes.push(`restic could not read ${unreadable.length} file(s), left out of the snapshot: ${unreadable.slice(0, 20).join(', ')}`);
    const sum = (pick: (r: BackupResult) => number) => done.reduce((n, d) => n + pick(d.value), 0);
    return {
      value: first.value,
      log: [...notes, ...done.map((d) => d.log)].filter(Boolean).join('\n'),
      end: {
        bytes: sum((r) => r.summary.total_bytes_processed),
        files: sum((r) => r.summary.total_files_processed),
        bytesAdded: sum((r) => r.summary.data_added),
        snapshotId: first.value.summary.snapshot_id,
        error: unreadable.length > 0 ? notes.join('; ') : null,
      },
    };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The remote's URL (secret database.url or LEVQOR_DATABASE_URL), or why the postgres source cannot run. */
function postgresUrl(run: BackupRun): string {
  const url = run.secrets.reveal('database.url');
  if (!url) throw new CoreError('BAD_INPUT', 'sources: the plan backs up the remote Postgres, but none is configured (set the database.url secret: levqor secrets set database.url)', 'sources');
  return url;
}
