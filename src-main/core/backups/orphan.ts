import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** The program a process of this machine runs (Linux: /proc/PID/cmdline); undefined when it cannot be told. */
function commandOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0];
  } catch {
    return undefined;
  }
}

/** Whether `pid` is a restic running on this host now (a pid can be reused by another program). */
export function isResticRunning(pid: number): boolean {
  const command = commandOf(pid);
  return command !== undefined && /restic[^/]*$/.test(command);
}

/**
 * Stops a restic that outlived the app that started it (kill -9 of the app does not reach its
 * child): SIGINT, so restic removes its lock and leaves the repository consistent. Only on this
 * host, only a process that still runs a restic program (a pid can be reused); true when asked.
 */
export function stopOrphanedRestic(owner: string | null, pid: number | null): boolean {
  if (owner === null || pid === null || owner.split('/')[0] !== hostname()) return false;
  if (!isResticRunning(pid)) return false;
  try {
    process.kill(pid, 'SIGINT');
    return true;
  } catch {
    return false;
  }
}
