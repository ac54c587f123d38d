import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, levqor } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import { startRestServer, type RestServer } from '../helpers/backups/rest-server';

beforeAll(assertBuilt);

const password = `cli-${randomBytes(6).toString('hex')}`;

/** Every file under `dir` as text, for "the password is in none of them". */
function allText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name)).toString('latin1'))
    .join('\n');
}

function setup() {
  const root = tempDir('levqor-backup-cli-');
  const data = join(root, 'data');
  const folder = join(root, 'documents');
  mkdirSync(folder);
  writeFileSync(join(folder, 'invoice.txt'), 'paid');
  writeFileSync(join(folder, 'scratch.tmp'), 'not wanted');
  const run = (args: string[], input?: string) => levqor(['--data-dir', data, ...args], { env: { LEVQOR_SECRET_KEY: 'c'.repeat(64) }, ...(input !== undefined ? { input } : {}) });
  const json = (args: string[]) => {
    const r = run([...args, '--json']);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    return JSON.parse(r.stdout);
  };
  return { root, data, folder, run, json };
}

describe('levqor backup (local repository)', () => {
  it('adds a plan with the password from standard input, backs up, lists, previews and applies retention, checks, and keeps a history', async () => {
    const { root, data, folder, run, json } = setup();
    const repo = join(root, 'repo');
    const add = run(['backup', 'plan', 'add', 'business', '--repo', repo, '--source', 'app', '--source', folder, '--exclude', '*.tmp', '--schedule', '0 3 * * *', '--timezone', 'UTC', '--keep-last', '1', '--keep-within', '1h', '--json'], `${password}\n`);
    expect(add, add.stderr).toMatchObject({ code: 0 });
    expect(JSON.parse(add.stdout)).toMatchObject({ name: 'business', repo, passwordSet: true, sources: [{ kind: 'app' }, { kind: 'folder', path: folder }], retention: { keepLast: 1, keepWithin: '1h' } });

    const first = json(['backup', 'run', 'business', '--wait']);
    expect(first).toMatchObject({ kind: 'backup', status: 'succeeded', snapshotId: expect.any(String) });
    const started = json(['backup', 'run', 'business']);
    // the background process may have finished by the time this one saw its row
    expect(started).toMatchObject({ kind: 'backup', status: expect.stringMatching(/^(running|succeeded)$/) });
    await expect.poll(() => json(['backup', 'history', 'business']).operations[0], { timeout: 20_000, interval: 300 }).toMatchObject({ id: started.id, status: 'succeeded' });

    const { snapshots } = json(['backup', 'snapshots', 'business']);
    expect(snapshots).toHaveLength(2);
    const preview = json(['backup', 'forget', 'business', '--dry-run']);
    expect(preview.groups[0].keep.map((k: { reasons: string[] }) => k.reasons)).toEqual([expect.arrayContaining(['last snapshot', 'within 1h']), ['within 1h']]);
    expect(json(['backup', 'snapshots', 'business']).snapshots).toHaveLength(2);
    expect(run(['backup', 'forget', 'business', '--dry-run']).stdout).toContain('Dry run: nothing was removed.');

    expect(json(['backup', 'check', 'business'])).toMatchObject({ kind: 'check', status: 'succeeded' });
    expect(json(['backup', 'repo', 'status', 'business'])).toMatchObject({ state: 'ready', snapshots: 2 });
    expect(json(['backup', 'history']).operations.map((o: { kind: string }) => o.kind)).toEqual(['check', 'backup', 'backup', 'init']);
    expect(run(['backup', 'history', 'business']).stdout).toMatch(/business {2}backup succeeded {2}[\d.]+ s, \d+ files/);
    expect(json(['status']).restic).toMatchObject({ found: true, version: expect.stringMatching(/^\d+\.\d+\.\d+$/), path: expect.any(String) });
    expect(run(['status']).stdout).toMatch(/restic +\d+\.\d+\.\d+ at \//);

    expect(run(['backup', 'plan', 'show', 'business']).stdout).toMatch(/Password +stored \(encrypted\)/);
    expect(json(['backup', 'plan', 'remove', 'business'])).toMatchObject({ name: 'business' });
    expect(json(['backup', 'plan', 'list'])).toEqual({ plans: [] });
    expect(json(['backup', 'history', 'business']).operations).toHaveLength(4);
    expect(allText(data)).not.toContain(password);
    // About fifteen CLI processes, each starting restic: 25 s on a quiet 2-core machine.
  }, 90_000);

  it('pre-launch, backup forget asks a Class B approval with the dry run and removes nothing until approvals approve', () => {
    const { root, run, json } = setup();
    const add = run(['backup', 'plan', 'add', 'docs', '--repo', join(root, 'repo'), '--source', join(root, 'documents'), '--keep-last', '1', '--json'], `${password}\n`);
    expect(add, add.stderr).toMatchObject({ code: 0 });
    json(['backup', 'run', 'docs', '--wait']);
    json(['backup', 'run', 'docs', '--wait']);

    const asked = run(['backup', 'forget', 'docs']);
    expect(asked, asked.stderr).toMatchObject({ code: 0 });
    const id = /Waiting for approval (\S+) \(Class B, pre-launch\): nothing is removed until it is approved/.exec(asked.stdout)?.[1];
    expect(id, asked.stdout).toBeDefined();
    expect(asked.stdout).toMatch(/would remove +\w{8}/);
    expect(json(['backup', 'snapshots', 'docs']).snapshots).toHaveLength(2);
    expect(json(['approvals', 'list', '--kind', 'backup.forget']).approvals).toMatchObject([{ id, status: 'pending', class: 'B' }]);

    const approved = run(['approvals', 'approve', id!]);
    expect(approved, approved.stderr).toMatchObject({ code: 0 });
    expect(json(['backup', 'snapshots', 'docs']).snapshots).toHaveLength(1);
    expect(json(['backup', 'history', 'docs']).operations[0]).toMatchObject({ kind: 'forget', status: 'succeeded', files: 1 });
  });

  it('refuses bad input with exit 2, naming the option, and stores nothing', () => {
    const { root, folder, run, json } = setup();
    const repo = join(root, 'repo');
    const add = (...args: string[]) => run(['backup', 'plan', 'add', 'p', ...args], `${password}\n`);
    expect(add('--source', 'app')).toMatchObject({ code: 2, stderr: expect.stringContaining('--repo: is required') });
    expect(add('--repo', 'b2:bucket:x', '--source', 'app')).toMatchObject({ code: 2, stderr: expect.stringContaining('--repo: b2: repositories are not supported') });
    expect(add('--repo', repo, '--source', join(root, 'missing'))).toMatchObject({ code: 2, stderr: expect.stringContaining('--source (the 1st): ') });
    expect(add('--repo', repo, '--source', 'app', '--keep-within', 'forever')).toMatchObject({ code: 2, stderr: expect.stringContaining('--keep-within: must be a duration') });
    expect(add('--repo', repo, '--source', 'app', '--schedule', '0 0 31 2 *')).toMatchObject({ code: 2, stderr: expect.stringContaining('--schedule: never fires') });
    expect(add('--repo', repo, '--source', folder, '--keep-daily', '0')).toMatchObject({ code: 2, stderr: expect.stringContaining('--keep-daily: must be at least 1') });
    expect(add('--repo', repo)).toMatchObject({ code: 2, stderr: expect.stringContaining('--source: give at least one source') });
    expect(run(['backup', 'plan', 'add', 'p', '--repo', repo, '--source', 'app'], '')).toMatchObject({ code: 2, stderr: expect.stringContaining('password') });
    expect(run(['backup', 'run', 'nothing', '--wait'])).toMatchObject({ code: 2, stderr: expect.stringContaining('plan: there is no backup plan called nothing') });
    expect(json(['backup', 'plan', 'list'])).toEqual({ plans: [] });
    expect(readdirSync(root)).toEqual(expect.not.arrayContaining(['repo']));
  });
});

describe('levqor backup without a usable restic', () => {
  it('says which restic is missing or too old and how to install it, and stores nothing', () => {
    const root = tempDir('levqor-no-restic-');
    const data = join(root, 'data');
    const old = join(root, 'restic');
    writeFileSync(old, '#!/bin/sh\necho "restic 0.12.1 compiled with go1.16 on linux/amd64"\n', { mode: 0o755 });
    const run = (resticPath: string, ...args: string[]) => levqor(['--data-dir', data, ...args], { env: { LEVQOR_SECRET_KEY: 'c'.repeat(64), LEVQOR_RESTIC_PATH: resticPath }, input: `${password}\n` });
    const missing = JSON.parse(run(join(root, 'none'), 'status', '--json').stdout).restic;
    expect(missing).toMatchObject({ found: false, minimum: '0.14.0', problem: expect.stringContaining('backup.resticPath') });
    expect(run(join(root, 'none'), 'status').stdout).toMatch(/restic +not usable: .*apt install restic/);
    const tooOld = run(old, 'backup', 'plan', 'add', 'p', '--repo', join(root, 'repo'), '--source', 'app');
    expect(tooOld).toMatchObject({ code: 1, stderr: expect.stringContaining('restic 0.12.1 at') });
    expect(tooOld.stderr).toContain('needs restic 0.14.0 or newer; install it with `apt install restic`');
    expect(JSON.parse(run(old, 'backup', 'plan', 'list', '--json').stdout)).toEqual({ plans: [] });
  });
});

describe('levqor backup (REST repository, rclone serve restic)', () => {
  let server: RestServer;
  let restDir = '';
  beforeAll(async () => {
    restDir = tempDir('levqor-rest-');
    server = await startRestServer(restDir, { user: 'founder', pass: 'rest-secret' });
  });
  afterAll(() => server?.stop());

  it('adds a plan on a REST server without showing its URL password, backs up, and a wrong repository password is exit 2 on the password', () => {
    const { folder, data, run, json } = setup();
    const repo = server.repository('levqor');
    expect(run(['backup', 'plan', 'add', 'offsite', '--repo', repo, '--source', folder, '--keep-last', '3'], `${password}\n`)).toMatchObject({ code: 0 });
    const listed = JSON.stringify(json(['backup', 'plan', 'list']));
    expect(listed).toContain('rest:http://founder:***@127.0.0.1');
    expect(listed).not.toContain('rest-secret');
    expect(json(['backup', 'run', 'offsite', '--wait'])).toMatchObject({ status: 'succeeded', files: 2 });
    expect(json(['backup', 'snapshots', 'offsite']).snapshots).toHaveLength(1);

    const wrong = run(['backup', 'plan', 'add', 'offsite-2', '--repo', repo, '--source', folder], 'not-the-password\n');
    expect(wrong).toMatchObject({ code: 2, stderr: expect.stringContaining('password') });
    expect(json(['backup', 'plan', 'list']).plans).toHaveLength(1);
    expect(allText(data)).not.toContain('rest-secret');
    expect(allText(data)).not.toContain(password);
  });
});
