import { hostname } from 'node:os';
import { isResticRunning } from './orphan';
import type { ResticLock } from './restic/messages';
import type { CallOptions, RepositoryAccess, Restic } from './restic/restic';

/** restic's own rule: a lock not refreshed for this long is stale, whichever host holds it. */
const resticStaleAfterMs = 30 * 60_000;

/**
 * After an interrupted operation: the locks that the restic this host ran left behind (its
 * process is gone) are removed with `restic unlock`. restic's unlock also removes any lock
 * older than 30 minutes, whichever host holds it; so when another host holds such a lock,
 * nothing is removed and the log says whose lock is there: only its own host can tell it is dead.
 * Returns the lines for the operation's log.
 */
export async function removeStaleLocksOfThisHost(restic: Restic, access: RepositoryAccess, control: CallOptions, now: number): Promise<string> {
  const { value: locks } = await restic.locks(access, control);
  const host = hostname();
  const ours = locks.filter((l) => l.hostname === host && !isResticRunning(l.pid));
  const othersOld = locks.filter((l) => l.hostname !== host && now - Date.parse(l.time) > resticStaleAfterMs);
  const others = locks.filter((l) => l.hostname !== host);
  const lines = others.map((l) => `lock ${l.id.slice(0, 8)} of ${describe(l)} is another host's: left alone`);
  if (ours.length === 0) return ['no stale lock of this host', ...lines].join('\n');
  if (othersOld.length > 0) {
    lines.push(`${ours.length} stale lock(s) of this host left in place: restic unlock would also remove the old lock(s) of another host; once that host is known to be gone, run restic unlock there or here`);
    return lines.join('\n');
  }
  const { log } = await restic.unlock(access, control);
  return [`removed ${ours.length} stale lock(s) of this host: ${ours.map((l) => `${l.id.slice(0, 8)} (${describe(l)})`).join(', ')}`, ...lines, log].filter(Boolean).join('\n');
}

function describe(l: ResticLock): string {
  return `${l.exclusive ? 'exclusive, ' : ''}${l.username ?? '?'}@${l.hostname} pid ${l.pid}, ${l.time}`;
}
