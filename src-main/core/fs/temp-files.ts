import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, type Dirent } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** `.<name>.<pid>-<8 hex>.tmp`: the writer's pid is in the name so a sweep can tell whose it is. */
const tempName = /^\..+\.(\d+)-[0-9a-f]{8}\.tmp$/;

/**
 * The names of the temps this process is writing right now; a sweep in this process leaves them
 * alone. Names, not paths, so the same folder spelled two ways cannot hide one (the pid and the
 * random part make a name unique).
 */
const active = new Set<string>();

/**
 * A temp name beside `path` (same folder, so the final rename is atomic), counted as being
 * written until `releaseTemp`.
 */
export function claimTempPath(path: string): string {
  const name = `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  active.add(name);
  return join(dirname(path), name);
}

/** The temp was renamed into place or removed. */
export function releaseTemp(temp: string): void {
  active.delete(basename(temp));
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user — alive all the same
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Temps in `dir` that no one is writing: their writer is dead (killed mid-write, so its
 * cleanup never ran), or it is this process and it no longer holds them. Temps of a writer
 * that is alive, such as `levqor serve` compiling beside the CLI, are kept.
 */
function isStale(name: string): boolean {
  const pid = Number(tempName.exec(name)?.[1] ?? NaN);
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return !active.has(name);
  return !processIsAlive(pid);
}

/** Removes the stale temps (regular files only) directly in `dir`; the paths removed. Never throws. */
export function removeStaleTemps(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !isStale(entry.name)) continue;
    const path = join(dir, entry.name);
    try {
      rmSync(path, { force: true });
      removed.push(path);
    } catch {
      // left for the next sweep
    }
  }
  return removed;
}
