import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '..';
import type { BackupProgress } from '../../../shared/contract/backup';
import { deadPid } from '../../../tests/helpers/dead-pid';

// One data dir and one repository for the file; each test builds on what the one before left.
const root = mkdtempSync(join(tmpdir(), 'levqor-backups-'));
const dataDir = join(root, 'data');
const repo = join(root, 'repo');
const folder = join(root, 'documents');
const password = `repo-${randomBytes(6).toString('hex')}`;
const env = { PATH: process.env.PATH, HOME: root, LEVQOR_SECRET_KEY: 'e'.repeat(64), LEVQOR_PRODUCTS_DIR: join(root, 'products') };
let core: Core;

beforeAll(() => {
  mkdirSync(join(folder, 'node_modules'), { recursive: true });
  writeFileSync(join(folder, 'contract.txt'), 'signed');
  writeFileSync(join(folder, 'node_modules', 'junk.js'), 'x');
  mkdirSync(join(root, 'products', 'guide'), { recursive: true });
  writeFileSync(join(root, 'products', 'guide', 'guide.md'), '# Guide');
  core = createCore({ dataDir, env, logToFile: false });
});
afterAll(() => {
  core?.close();
  rmSync(root, { recursive: true, force: true });
});

/** restic itself, to look at what the app made. */
function restic(...args: string[]): string {
  return execFileSync('restic', args, { env: { ...process.env, RESTIC_REPOSITORY: repo, RESTIC_PASSWORD: password, RESTIC_CACHE_DIR: join(root, 'cache') }, encoding: 'utf8' });
}

const input = { name: 'business', repo, password, sources: [{ kind: 'app' as const }, { kind: 'folder' as const, path: folder }], excludes: ['node_modules'], schedule: '0 3 * * *', timezone: 'Europe/London', retention: { keepLast: 2, keepDaily: 7 } };

describe('backup plans', () => {
  it('refuses bad input naming the field, and stores nothing', async () => {
    await expect(core.backups.add({ ...input, schedule: '0 25 * * *' })).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'schedule', message: expect.stringContaining('hour') });
    await expect(core.backups.add({ ...input, timezone: 'Mars/Olympus' })).rejects.toMatchObject({ field: 'timezone' });
    await expect(core.backups.add({ ...input, sources: [{ kind: 'folder', path: join(root, 'missing') }] })).rejects.toMatchObject({ field: 'sources.0.path', message: expect.stringContaining('is not a folder on this machine') });
    await expect(core.backups.add({ ...input, sources: [{ kind: 'app' }, { kind: 'app' }] })).rejects.toMatchObject({ field: 'sources.1' });
    await expect(core.backups.add({ ...input, repo: 'backups/levqor' })).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'repo', message: expect.stringContaining('relative folder is not accepted') });
    expect(core.backups.list()).toEqual([]);
  });

  it('makes the repository when new, stores the password encrypted, and shows the plan without it', async () => {
    const plan = await core.backups.add(input);
    expect(plan).toMatchObject({ name: 'business', repoKind: 'local', repo, passwordSet: true, owner: { kind: 'own' }, schedule: { cron: '0 3 * * *', timezone: 'Europe/London' }, retention: { keepLast: 2, keepDaily: 7 } });
    expect(JSON.stringify(core.backups.list())).not.toContain(password);
    const raw = core.db.prepare('SELECT name, ciphertext FROM secrets').all() as { name: string; ciphertext: Buffer }[];
    expect(raw.map((r) => r.name)).toEqual([`backup.repositoryPassword:${plan.id}`]);
    expect(raw[0]!.ciphertext.toString('latin1')).not.toContain(password);
    expect(core.backups.history('business', 10)).toMatchObject([{ kind: 'init', status: 'succeeded', resticVersion: expect.any(String) }]);
    expect(restic('cat', 'config')).toContain('"version"');
    await expect(core.backups.add(input)).rejects.toMatchObject({ code: 'CONFLICT', field: 'name' });
  });

  it('a second plan on the same repository must bring its password: a wrong one names the field and stores nothing', async () => {
    await expect(core.backups.add({ ...input, name: 'client-a', password: 'wrong', client: { name: 'Acme', email: 'ops@acme.test' } })).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'password' });
    expect(core.backups.list().map((p) => p.name)).toEqual(['business']);
    const client = await core.backups.add({ ...input, name: 'client-a', sources: [{ kind: 'folder', path: folder }], client: { name: 'Acme', email: 'ops@acme.test' } });
    expect(client.owner).toEqual({ kind: 'client', name: 'Acme', email: 'ops@acme.test' });
    expect(core.backups.history('client-a', 10)).toEqual([]);
  });
});

describe('backup operations', () => {
  it('backs up the app data (an online SQLite snapshot, the products folder) and the folders, with progress and a history row', async () => {
    core.settings.set('logLevel', 'warn');
    const progress: BackupProgress[] = [];
    const off = core.events.on('backup.progress', (p) => progress.push(p));
    const op = await core.backups.run('business', true);
    off();
    expect(op).toMatchObject({ kind: 'backup', status: 'succeeded', files: expect.any(Number), bytes: expect.any(Number), snapshotId: expect.any(String), error: null });
    expect(op.durationMs).toBeGreaterThanOrEqual(0);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]).toMatchObject({ operationId: op.id, plan: 'business' });

    const [snapshot] = await core.backups.snapshots('business');
    expect(snapshot!.id.startsWith(op.snapshotId!)).toBe(true);
    expect(snapshot!.tags).toEqual(['levqor', 'levqor-plan-business']);
    const target = join(root, 'restored');
    restic('restore', snapshot!.id, '--target', target);
    const restoredDb = join(target, dataDir, 'backups', 'staging', core.backups.plan('business').id, 'levqor.db');
    const copy = new Database(restoredDb, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'logLevel'").get()).toEqual({ value: '"warn"' });
    expect((copy.prepare('SELECT COUNT(*) AS n FROM backup_plans').get() as { n: number }).n).toBe(2);
    copy.close();
    expect(readFileSync(join(target, root, 'products', 'guide', 'guide.md'), 'utf8')).toBe('# Guide');
    expect(readFileSync(join(target, folder, 'contract.txt'), 'utf8')).toBe('signed');
    expect(() => readFileSync(join(target, folder, 'node_modules', 'junk.js'))).toThrow();
    expect(JSON.parse(readFileSync(join(target, dataDir, 'backups', 'staging', core.backups.plan('business').id, 'manifest.json'), 'utf8'))).toMatchObject({ schemaVersion: expect.any(Number) });
  });

  it('the client plan sees only its own snapshots in the shared repository', async () => {
    await core.backups.run('client-a', true);
    expect((await core.backups.snapshots('client-a')).map((s) => s.tags)).toEqual([['levqor', 'levqor-plan-client-a']]);
    expect(await core.backups.snapshots('business')).toHaveLength(1);
  });

  it('previews retention with restic\u2019s reasons, changes nothing, then forgets and prunes as a history row', async () => {
    await core.backups.run('business', true);
    await core.backups.run('business', true);
    const preview = await core.backups.forget('business', true);
    expect(preview.operation).toBeNull();
    const kept = preview.groups.flatMap((g) => g.keep);
    expect(kept).toHaveLength(2);
    expect(kept[0]!.reasons).toEqual(expect.arrayContaining(['last snapshot', 'daily snapshot']));
    expect(preview.groups.flatMap((g) => g.remove)).toHaveLength(1);
    expect(await core.backups.snapshots('business')).toHaveLength(3);

    // post-launch, retention runs without asking (retention.test.ts: pre-launch it asks first)
    core.stage.set('post-launch');
    const done = await core.backups.forget('business', false);
    core.stage.set('pre-launch');
    expect(done.operation).toMatchObject({ kind: 'forget', status: 'succeeded', files: 1 });
    expect(await core.backups.snapshots('business')).toHaveLength(2);
    expect(await core.backups.snapshots('client-a')).toHaveLength(1);
  });

  it('checks the repository and keeps restic\u2019s report; repo status counts the plan\u2019s snapshots', async () => {
    const checked = await core.backups.check('business');
    expect(checked).toMatchObject({ kind: 'check', status: 'succeeded', log: expect.stringContaining('no errors were found') });
    expect(await core.backups.repoStatus('business')).toMatchObject({ state: 'ready', snapshots: 2, restoreSize: expect.any(Number), storedSize: expect.any(Number) });
    await expect(core.backups.initRepo('business')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(core.backups.history('business', 1)[0]).toMatchObject({ kind: 'init', status: 'failed', error: expect.stringContaining('already a restic repository') });
  });

  it('a backup cancelled mid-way ends cancelled, and the next one succeeds', async () => {
    const big = join(folder, 'big');
    mkdirSync(big);
    for (let i = 0; i < 30; i++) writeFileSync(join(big, `f${i}`), randomBytes(1_000_000));
    const started = await core.backups.run('client-a', false);
    expect(started.status).toBe('running');
    await expect(core.backups.run('client-a', false)).rejects.toMatchObject({ code: 'CONFLICT' });
    const cancelled = await core.backups.cancel(started.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', error: expect.stringContaining('cancelled') });
    rmSync(big, { recursive: true });
    expect(await core.backups.run('client-a', true)).toMatchObject({ status: 'succeeded' });
  });

  it('a missing folder fails the run naming the source; forget without a policy is refused', async () => {
    const gone = join(root, 'gone');
    mkdirSync(gone);
    await core.backups.add({ ...input, name: 'gone', sources: [{ kind: 'folder', path: gone }], retention: {} });
    rmSync(gone, { recursive: true });
    expect(await core.backups.run('gone', true)).toMatchObject({ status: 'failed', error: expect.stringContaining(`sources.0.path: ${gone} is not a folder`) });
    await expect(core.backups.forget('gone', true)).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'retention' });
    expect(core.backups.remove('gone').name).toBe('gone');
    expect(core.backups.history('gone', 5)).toHaveLength(1);
  });

  it('on open, an operation whose process is gone becomes interrupted; one a live process runs is left alone', () => {
    const insert = core.db.prepare("INSERT INTO backup_operations (id, plan_id, plan_name, kind, status, owner, started_at) VALUES (?, NULL, 'business', 'backup', 'running', ?, ?)");
    insert.run('dead-one', `${hostname()}/${deadPid()}/abc`, Date.now());
    insert.run('live-one', `${hostname()}/${process.ppid}/abc`, Date.now());
    const second = createCore({ dataDir, env, logToFile: false });
    try {
      expect(second.backups.operation('dead-one')).toMatchObject({ status: 'interrupted', error: expect.stringContaining('ended before it finished') });
      expect(second.backups.operation('live-one').status).toBe('running');
    } finally {
      second.close();
    }
  });
});
