import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isOwnerGone, newOwnerId, retireOwner } from './process-owner';

/**
 * Which long-lived process holds this data dir open (levqor serve, the desktop app). A restore
 * of the app's data swaps the database file under whoever has it open, so only that process may
 * do it; a short CLI process reads this file to know it must leave the restore to it.
 */
export interface DataHolder {
  /** `levqor serve` or `the desktop app`. */
  what: string;
  pid: number;
  owner: string;
}

const fileName = 'holder.json';

/** Marks this process as the holder of the data dir until `release()` (or until it dies). */
export function claimDataDir(dataDir: string, what: string): { release(): void } {
  const owner = newOwnerId();
  const file = join(dataDir, fileName);
  writeFileSync(file, JSON.stringify({ what, pid: process.pid, owner } satisfies DataHolder), { mode: 0o600 });
  return {
    release: () => {
      retireOwner(owner);
      if (readHolder(file)?.owner === owner) rmSync(file, { force: true });
    },
  };
}

/** The live process that holds the data dir, other than this one; a holder that died is ignored. */
export function liveDataHolder(dataDir: string, now = Date.now()): DataHolder | undefined {
  const holder = readHolder(join(dataDir, fileName));
  if (!holder || holder.pid === process.pid) return undefined;
  return isOwnerGone(holder.owner, null, now) ? undefined : holder;
}

function readHolder(file: string): DataHolder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<DataHolder>;
    return typeof parsed.owner === 'string' && typeof parsed.pid === 'number' && typeof parsed.what === 'string' ? (parsed as DataHolder) : undefined;
  } catch {
    return undefined;
  }
}
