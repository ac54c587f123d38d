import { spawnSync } from 'node:child_process';

/** The pid of a process that has already exited: nothing is writing under it any more. */
export function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid;
}
