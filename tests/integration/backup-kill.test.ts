import { mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, levqor, levqorChild } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

beforeAll(assertBuilt);

const env = { LEVQOR_SECRET_KEY: 'a'.repeat(64) };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** One row of the app's database, read beside the app (WAL lets it). */
function row<T>(data: string, sql: string, ...params: unknown[]): T | undefined {
  const db = new Database(join(data, 'levqor.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get(...params) as T | undefined;
  } finally {
    db.close();
  }
}

/** The restic of the running backup, as the app recorded it. */
const runningRestic = (data: string) => row<{ child_pid: number | null }>(data, "SELECT child_pid FROM backup_operations WHERE kind = 'backup' AND status = 'running'")?.child_pid ?? undefined;
const logOf = (data: string, id: string) => row<{ log: string }>(data, 'SELECT log FROM backup_operations WHERE id = ?', id)?.log;

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
    expect(logOf(data, op.id)).toContain('restic unlock (the operation before was interrupted)');
    const check = run('backup', 'check', 'p', '--json');
    expect(check, check.stderr).toMatchObject({ code: 0 });
    expect(JSON.parse(check.stdout)).toMatchObject({ status: 'succeeded', log: expect.stringContaining('no errors were found') });
  });
});
