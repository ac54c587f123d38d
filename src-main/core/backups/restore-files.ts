import { lstatSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { SnapshotEntry, BackupSnapshot } from '../../../shared/contract/backup';
import { CoreError, badInput } from '../errors';
import { isInside, realPathOf } from '../fs/contained-path';
import type { Done } from './operation-store';
import type { CallOptions, RepositoryAccess, Restic } from './restic/restic';
import type { LsNode } from './restic/messages';
import { snapshotView } from './snapshot-view';

/** The folder under the data dir that restores may go to (everything else there is live). */
export const restoresFolder = 'restores';

/** What a restore may not land in: the app's data folder and every folder a plan backs up. */
export interface LiveData {
  dataDir: string;
  /** Folders whose files are in use: plans' folder sources, the products folder. */
  folders: readonly string[];
}

function entryView(n: LsNode): SnapshotEntry {
  const mtime = n.mtime ? Date.parse(n.mtime) : Number.NaN;
  return { name: n.name, type: n.type, path: n.path, size: n.size ?? null, mtime: Number.isNaN(mtime) ? null : mtime };
}

/**
 * A snapshot of the plan and its entries: under `path` one level (or the file at `path`),
 * otherwise the whole tree. A snapshot of another plan in the
 * same repository is not found, as the plan's own list would not show it.
 */
export async function listSnapshot(restic: Restic, access: RepositoryAccess, tag: string, snapshotId: string, path?: string, pathField = 'path'): Promise<{ snapshot: BackupSnapshot; entries: SnapshotEntry[] }> {
  const { value } = await restic.ls(access, snapshotId, path ? { path } : {});
  if (!(value.snapshot.tags ?? []).includes(tag)) throw new CoreError('NOT_FOUND', `snapshot: there is no snapshot ${snapshotId} of this plan`, 'snapshot');
  // restic lists a folder asked for first, then what is in it; a file asked for is the answer
  const entries = value.nodes.filter((n) => !(n.path === path && n.type === 'dir')).map(entryView);
  if (path && entries.length === 0 && !value.nodes.some((n) => n.path === path)) throw badInput(pathField, `there is nothing at ${path} in snapshot ${value.snapshot.short_id}`);
  return { snapshot: snapshotView(value.snapshot), entries };
}

/**
 * The real folder a restore goes to, refused (naming `target`, before anything is written)
 * when it is not a new or empty folder, or when it lies where live data is: inside the app's
 * data folder (its `restores` folder aside) or inside a folder a plan backs up.
 */
export function restoreTarget(target: string, live: LiveData): string {
  if (!isAbsolute(target)) throw badInput('target', `${target} must be an absolute path`);
  const real = realPathOf(target);
  const stat = statSync(real, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory()) throw badInput('target', `${target} is a file; restore into a new or empty folder`);
  if (stat && readdirSync(real).length > 0) throw badInput('target', `${target} is not empty; restore into a new or empty folder, so nothing is written over`);
  const dataDir = realPathOf(live.dataDir);
  if (isInside(dataDir, real) && !isInside(join(dataDir, restoresFolder), real)) {
    throw badInput('target', `${target} is inside the app's data folder, whose files are live; restore under ${join(dataDir, restoresFolder)} or elsewhere`);
  }
  const over = live.folders.find((f) => isInside(realPathOf(f), real));
  if (over !== undefined) throw badInput('target', `${target} is inside ${over}, which a backup plan backs up (live data); restore into a folder apart from it`);
  return real;
}

/** Files and bytes under a folder (links not followed). */
function tally(folder: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    const stat = lstatSync(path);
    if (stat.isDirectory()) {
      const inner = tally(path);
      files += inner.files;
      bytes += inner.bytes;
    } else {
      files++;
      bytes += stat.isFile() ? stat.size : 0;
    }
  }
  return { files, bytes };
}

/** `restic restore` into a checked target; the row gets the files and bytes that arrived and the snapshot. */
export async function restoreFiles(
  restic: Restic,
  access: RepositoryAccess,
  control: CallOptions,
  call: { snapshotId: string; target: string; include?: string | undefined },
): Promise<Done<{ files: number; bytes: number }>> {
  const { log } = await restic.restore(access, call.snapshotId, { ...control, target: call.target, ...(call.include ? { include: [call.include] } : {}) });
  const counted = statSync(call.target, { throwIfNoEntry: false })?.isDirectory() ? tally(call.target) : { files: 0, bytes: 0 };
  return { value: counted, log, end: { ...counted, snapshotId: call.snapshotId } };
}
