import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * Who is doing a piece of long work (a workflow run, a backup): `host/pid/instance`. Work marked
 * running belongs to its owner until the owner's lease runs out, or, on this host, until the
 * owner's process (or, inside this process, the owning core) is gone: then another process may
 * take it over (a run resumes) or call it interrupted (a backup).
 */
const liveInstances = new Set<string>();
const host = hostname();

export function newOwnerId(): string {
  const id = `${host}/${process.pid}/${randomBytes(6).toString('hex')}`;
  liveInstances.add(id);
  return id;
}

export function retireOwner(owner: string): void {
  liveInstances.delete(owner);
}

export function isOwnerGone(owner: string | null, leaseUntil: number | null, now: number): boolean {
  if (owner === null) return true;
  if (leaseUntil !== null && leaseUntil < now) return true;
  const [ownerHost, pidText] = owner.split('/');
  if (ownerHost !== host) return false;
  const pid = Number(pidText);
  if (pid === process.pid) return !liveInstances.has(owner);
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
  return isZombie(pid);
}

/** A killed process its parent has not reaped yet still answers kill(pid, 0) (Linux: state Z). */
function isZombie(pid: number): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}
