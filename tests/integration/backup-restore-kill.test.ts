import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, levqor, levqorChild } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import { lockFiles, logOf, row, runningRestic } from '../helpers/backups/operation-rows';

beforeAll(assertBuilt);

// kill -9 of the app (and its restic: the machine "loses power") during a restore; the next
// start marks it interrupted, the next backup removes the stale lock this host left, and restic
// check is clean. Another host's lock is never removed: backup-kill.test.ts proves that part.

function setup(prefix: string, extraEnv: Record<string, string> = {}) {
  const root = tempDir(prefix);
  const data = join(root, 'data');
  const repo = join(root, 'repo');
  const env = { LEVQOR_SECRET_KEY: 'b'.repeat(64), ...extraEnv };
  const run = (...args: string[]) => levqor(['--data-dir', data, ...args], { env, input: 'restore-kill-pw\n' });
  const json = (...args: string[]) => {
    const r = run(...args, '--json');
    expect(r, r.stderr).toMatchObject({ code: 0 });
    return JSON.parse(r.stdout);
  };
  return { root, data, repo, env, run, json };
}

function bigFiles(folder: string, count: number): void {
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(folder, `f${i}-${randomBytes(4).toString('hex')}`), randomBytes(1_000_000));
}

/** Waits for `ready`, then kills the app and the restic it runs at once. */
async function powerLoss(args: string[], env: NodeJS.ProcessEnv, ready: () => number | undefined): Promise<number> {
  const app = levqorChild(args, env);
  const exited = new Promise((r) => app.once('exit', r));
  let pid: number | undefined;
  await expect.poll(() => (pid = ready()), { timeout: 30_000, interval: 5 }).toBeGreaterThan(0);
  app.kill('SIGKILL');
  process.kill(pid!, 'SIGKILL');
  await exited;
  return pid!;
}

/** The next backup removes this host's stale lock and succeeds; restic check finds nothing wrong. */
function expectRecovered(s: ReturnType<typeof setup>, plan: string): void {
  const next = s.json('backup', 'run', plan, '--wait');
  expect(next).toMatchObject({ status: 'succeeded' });
  expect(logOf(s.data, next.id)).toContain('stale locks (the operation before was interrupted):');
  expect(lockFiles(s.repo)).toEqual([]);
  expect(s.json('backup', 'check', plan)).toMatchObject({ status: 'succeeded', log: expect.stringContaining('no errors were found') });
}

describe('kill -9 during a restore', () => {
  it('of files into a folder: the restore is interrupted on the next start, and the next backup and check succeed', async () => {
    const s = setup('levqor-restore-kill-files-');
    const folder = join(s.root, 'big');
    bigFiles(folder, 80);
    expect(s.run('backup', 'plan', 'add', 'p', '--repo', s.repo, '--source', folder)).toMatchObject({ code: 0 });
    const backup = s.json('backup', 'run', 'p', '--wait');

    await powerLoss(['--data-dir', s.data, 'backup', 'restore', 'p', backup.snapshotId, '--target', join(s.root, 'out')], s.env, () => (lockFiles(s.repo).length > 0 ? runningRestic(s.data, 'restore') : undefined));

    const [restore] = s.json('backup', 'history', 'p').operations;
    expect(restore).toMatchObject({ kind: 'restore', status: 'interrupted', error: expect.stringContaining('ended before it finished') });
    expectRecovered(s, 'p');
  }, 120_000);

  it('of the app\u2019s data, before the swap: the live data is intact, the restore and its pre-restore backup are interrupted, and the next backup and check succeed', async () => {
    const products = tempDir('levqor-restore-kill-products-');
    const s = setup('levqor-restore-kill-app-', { LEVQOR_PRODUCTS_DIR: products });
    expect(s.run('backup', 'plan', 'add', 'app', '--repo', s.repo, '--source', 'app')).toMatchObject({ code: 0 });
    const flow = (name: string) => {
      const file = join(s.root, `${name}.json`);
      writeFileSync(file, JSON.stringify({ name, trigger: { type: 'manual' }, nodes: [{ id: 't', type: 'transform', params: { expression: '{"ok": true}' } }], edges: [] }));
      s.json('workflow', 'import', file);
    };
    flow('Before');
    const backup = s.json('backup', 'run', 'app', '--wait');
    flow('After');
    // new products since the snapshot: the pre-restore backup has something to upload, so it can be caught mid-way
    bigFiles(join(products, 'videos'), 80);
    const asked = /^Approval (\S+) requested/.exec(s.run('backup', 'restore', 'app', backup.snapshotId, '--app').stdout)?.[1];
    expect(asked).toBeDefined();

    const restoring = () => row<{ n: number }>(s.data, "SELECT count(*) AS n FROM backup_operations WHERE kind = 'restore' AND status = 'running'")?.n ?? 0;
    await powerLoss(['--data-dir', s.data, 'approvals', 'approve', asked!], s.env, () => (restoring() > 0 && lockFiles(s.repo).length > 0 ? runningRestic(s.data, 'backup') : undefined));

    const [preRestore, restore] = s.json('backup', 'history', 'app').operations;
    expect(restore).toMatchObject({ kind: 'restore', status: 'interrupted' });
    expect(preRestore).toMatchObject({ kind: 'backup', status: 'interrupted' });
    // nothing was swapped: the live data is what it was, and the staged copy is gone
    expect((s.json('workflow', 'list').workflows as Array<{ name: string }>).map((w) => w.name).sort()).toEqual(['After', 'Before']);
    expect(existsSync(join(s.data, 'levqor.db.restored'))).toBe(false);
    expectRecovered(s, 'app');
  }, 120_000);
});
