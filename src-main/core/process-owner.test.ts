import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { isOwnerGone, newOwnerId, retireOwner } from './process-owner';

describe('run ownership', () => {
  it('is held by a live owner until its lease runs out', () => {
    const me = newOwnerId();
    expect(isOwnerGone(me, 2_000, 1_000)).toBe(false);
    expect(isOwnerGone(me, 999, 1_000)).toBe(true);
    expect(isOwnerGone(null, null, 1_000)).toBe(true);
    retireOwner(me);
    expect(isOwnerGone(me, 2_000, 1_000)).toBe(true);
  });

  it('is free as soon as the owning process is gone (kill -9), and not before', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    await new Promise((r) => child.once('spawn', r));
    const owner = `${hostname()}/${child.pid}/abc`;
    expect(isOwnerGone(owner, Date.now() + 60_000, Date.now())).toBe(false);
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    expect(isOwnerGone(owner, Date.now() + 60_000, Date.now())).toBe(true);
  });

  it('on another host, only the lease counts', () => {
    expect(isOwnerGone('elsewhere/1/abc', 2_000, 1_000)).toBe(false);
    expect(isOwnerGone('elsewhere/1/abc', 500, 1_000)).toBe(true);
  });
});
