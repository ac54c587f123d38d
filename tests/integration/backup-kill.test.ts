import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, levqor, levqorChild } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import { alive, lockFiles, logOf, runningRestic } from '../helpers/backups/operation-rows';

beforeAll(assertBuilt);

const env = { LEVQOR_SECRET_KEY: 'a'.repeat(64) };

describe('kill -9 of the app during a backup', () => {
  it('marks the backup interrupted on the next start, stops the restic it left running, and the next backup and check succeed', async () => {
    const root = tempDir('levqor-backup-kill-');
    const data = join(root, 'data');
    const folder = join(root, 'big');
    mkdirSync(folder);
    for (let i = 0; i < 60; i++) writeFileSync(join(folder, `f${i}`), randomBytes(1_000_000));
    const run = (...args: string[]) => levqor(['--data-dir', data, ...args], { env, input: 'kill-test-pw\n' });
    expect(run('backup', 'plan', 'add', 'p', '--repo', join(root, 'repo'), '--source', folder)).toMatchObject({ code: 0 });

    const app = levqorChild(['--data-dir', data, 'backup', 'run', 'p', '--wait'], env);
    const exited = new Promise((r) => app.once('exit', r));
    let restic: number | undefined;
    await expect.poll(() => (restic = runningRestic(data)), { timeout: 20_000, interval: 20 }).toBeGreaterThan(0);
    app.kill('SIGKILL');
    await exited;
    // kill -9 does not reach the child: restic goes on without the app
    expect(alive(restic!)).toBe(true);

    const history = JSON.parse(run('backup', 'history', 'p', '--json').stdout);
    expect(history.operations[0]).toMatchObject({ kind: 'backup', status: 'interrupted', error: expect.stringContaining('ended before it finished') });
    await expect.poll(() => alive(restic!), { timeout: 15_000 }).toBe(false);

    const next = run('backup', 'run', 'p', '--wait', '--json');
    expect(next, next.stderr).toMatchObject({ code: 0 });
    const op = JSON.parse(next.stdout);
    expect(op).toMatchObject({ status: 'succeeded' });
    // restic removes its own lock on SIGINT unless stopped before it could: either way the log says
    expect(logOf(data, op.id)).toContain('stale locks (the operation before was interrupted):');
    const check = run('backup', 'check', 'p', '--json');
    expect(check, check.stderr).toMatchObject({ code: 0 });
    expect(JSON.parse(check.stdout)).toMatchObject({ status: 'succeeded', log: expect.stringContaining('no errors were found') });
  });
});

/** restic itself on the test's repository. */
function restic(repo: string, password: string, ...args: string[]): string {
  return execFileSync('restic', args, { env: { ...process.env, RESTIC_REPOSITORY: repo, RESTIC_PASSWORD: password, RESTIC_CACHE_DIR: join(repo, '..', 'cache') }, encoding: 'utf8' });
}


/**
 * A lock left by a restic of another host: a backup run under the hostname other-host (its own
 * UTS namespace; root only) killed -9 once its lock is written.
 */
async function lockOfAnotherHost(repo: string, password: string, folder: string): Promise<string> {
  const before = new Set(lockFiles(repo));
  const child = spawn('unshare', ['--uts', 'sh', '-c', `hostname other-host && exec restic backup --quiet ${folder}`], { env: { ...process.env, RESTIC_REPOSITORY: repo, RESTIC_PASSWORD: password, RESTIC_CACHE_DIR: join(repo, '..', 'cache-other') }, stdio: 'ignore' });
  let id: string | undefined;
  await expect.poll(() => (id = lockFiles(repo).find((l) => !before.has(l))), { timeout: 20_000, interval: 10 }).toBeDefined();
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  return id!;
}

describe('kill -9 of the app and its restic during a forget', () => {
  it('marks the forget interrupted, removes the stale lock this host left (never another host\u2019s), and the next backup and check succeed', async () => {
    const root = tempDir('levqor-forget-kill-');
    const data = join(root, 'data');
    const repo = join(root, 'repo');
    const folder = join(root, 'big');
    const password = 'forget-kill-pw';
    mkdirSync(folder);
    const run = (...args: string[]) => levqor(['--data-dir', data, ...args], { env, input: `${password}\n` });
    expect(run('backup', 'plan', 'add', 'p', '--repo', repo, '--source', folder, '--keep-last', '1')).toMatchObject({ code: 0 });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 20; i++) writeFileSync(join(folder, `f${i}`), randomBytes(1_000_000));
      expect(run('backup', 'run', 'p', '--wait')).toMatchObject({ code: 0 });
    }

    // another host's lock, made now (a prune refuses to start beside it) and put back after the kill
    const theirs = userInfo().uid === 0 ? await lockOfAnotherHost(repo, password, folder) : undefined;
    if (theirs) renameSync(join(repo, 'locks', theirs), join(root, theirs));

    // post-launch, retention runs when asked (pre-launch it would wait for an approval); the
    // preflight lets the switch through once the plan's latest backup is checked clean
    expect(run('backup', 'check', 'p')).toMatchObject({ code: 0 });
    expect(run('stage', 'set', 'post-launch')).toMatchObject({ code: 0 });
    const app = levqorChild(['--data-dir', data, 'backup', 'forget', 'p'], env);
    const exited = new Promise((r) => app.once('exit', r));
    // the moment restic holds its exclusive lock, the machine "loses power": the app and its restic die at once
    let pid: number | undefined;
    await expect.poll(() => (pid = runningRestic(data, 'forget')) !== undefined && lockFiles(repo).length > 0, { timeout: 20_000, interval: 5 }).toBe(true);
    app.kill('SIGKILL');
    process.kill(pid!, 'SIGKILL');
    await exited;
    const [ours] = lockFiles(repo);
    expect(JSON.parse(restic(repo, password, 'cat', 'lock', ours!, '--no-lock'))).toMatchObject({ exclusive: true, pid });
    if (theirs) renameSync(join(root, theirs), join(repo, 'locks', theirs));

    const history = JSON.parse(run('backup', 'history', 'p', '--json').stdout);
    expect(history.operations[0]).toMatchObject({ kind: 'forget', status: 'interrupted' });
    const next = run('backup', 'run', 'p', '--wait', '--json');
    expect(next, next.stderr).toMatchObject({ code: 0 });
    const op = JSON.parse(next.stdout);
    expect(op).toMatchObject({ status: 'succeeded' });
    expect(logOf(data, op.id)).toContain(`removed 1 stale lock(s) of this host: ${ours!.slice(0, 8)} (exclusive,`);
    if (theirs) {
      expect(logOf(data, op.id)).toContain(`lock ${theirs.slice(0, 8)} of root@other-host`);
      expect(lockFiles(repo)).toEqual([theirs]);
      // the founder, knowing other-host is gone, removes its lock by hand; then restic check runs
      restic(repo, password, 'unlock', '--remove-all');
    }
    const check = run('backup', 'check', 'p', '--json');
    expect(check, check.stderr).toMatchObject({ code: 0 });
    expect(JSON.parse(check.stdout)).toMatchObject({ status: 'succeeded', log: expect.stringContaining('no errors were found') });
  }, 90_000);
});
