import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateRestic, type ResticBinary } from './locate';
import { Restic, type RepositoryAccess } from './restic';
import { ResticFailure } from './failure';
import type { BackupStatus } from './messages';

// One repository for the whole file, made once: each test adds to it or reads it.
const root = mkdtempSync(join(tmpdir(), 'levqor-restic-'));
const password = `pw-${randomBytes(8).toString('hex')}`;
const repo: RepositoryAccess = { repository: join(root, 'repo'), password };
const source = join(root, 'src');
let binary: ResticBinary;
let restic: Restic;

function script(name: string, body: string): string {
  const path = join(root, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

beforeAll(async () => {
  mkdirSync(join(source, 'docs', 'cache'), { recursive: true });
  writeFileSync(join(source, 'docs', 'a.txt'), 'hello');
  writeFileSync(join(source, 'docs', 'cache', 'skip.tmp'), 'not wanted');
  writeFileSync(join(source, 'b.bin'), randomBytes(200_000));
  binary = await locateRestic('', process.env);
  restic = new Restic(binary, process.env, join(root, 'cache'));
  await restic.init(repo);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('finding restic', () => {
  it('finds restic on PATH and reads its version', () => {
    expect(binary).toMatchObject({ from: 'path', version: expect.stringMatching(/^0\.\d+\.\d+$/) });
  });

  it('says how to install it when there is none, and refuses one older than 0.14 or a program that is not restic', async () => {
    await expect(locateRestic('', { PATH: join(root, 'nowhere') })).rejects.toThrow(/restic is not installed .*apt install restic.*restic\.net/);
    const old = script('old-restic', 'echo "restic 0.9.6 compiled with go1.13 on linux/amd64"');
    await expect(locateRestic(old, process.env)).rejects.toThrow(/restic 0\.9\.6 at .* is too old: the app needs restic 0\.14\.0 or newer; install it with `apt install restic`/);
    await expect(locateRestic(script('not-restic', 'echo hello'), process.env)).rejects.toThrow(/is not restic/);
    await expect(locateRestic('restic', process.env)).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'backup.resticPath' });
    await expect(locateRestic(join(root, 'missing'), process.env)).rejects.toMatchObject({ code: 'UNAVAILABLE', field: 'backup.resticPath' });
  });
});

describe('restic through the wrapper', () => {
  it('backs up with progress lines and a summary, lists snapshots, ls and stats', async () => {
    const seen: BackupStatus[] = [];
    const { value } = await restic.backup(repo, { paths: [source], excludes: ['*.tmp'], tags: ['first'], onStatus: (s) => seen.push(s) });
    expect(value.summary).toMatchObject({ files_new: 2, snapshot_id: expect.any(String), total_bytes_processed: 200_005 });
    expect(value.unreadable).toEqual([]);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]).toMatchObject({ message_type: 'status', percent_done: expect.any(Number) });

    const { value: snapshots } = await restic.snapshots(repo, { tags: ['first'] });
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({ paths: [source], tags: ['first'] });
    expect(snapshots[0]!.id.startsWith(value.summary.snapshot_id)).toBe(true);

    const { value: listing } = await restic.ls(repo, value.summary.snapshot_id, { path: join(source, 'docs') });
    expect(listing.snapshot.id).toBe(snapshots[0]!.id);
    expect(listing.nodes.map((n) => n.path)).toEqual(expect.arrayContaining([join(source, 'docs', 'a.txt')]));
    expect(listing.nodes.some((n) => n.name === 'skip.tmp')).toBe(false);
    const { value: stats } = await restic.stats(repo);
    expect(stats).toMatchObject({ total_size: 200_005, snapshots_count: 1 });
  });

  it('previews forget with --dry-run and each kept snapshot\u2019s reasons, then forgets for real', async () => {
    await restic.backup(repo, { paths: [source], tags: ['second'] });
    await restic.backup(repo, { paths: [source], tags: ['third'] });
    const before = (await restic.snapshots(repo)).value;
    const { value: preview } = await restic.forget(repo, { policy: { keepLast: 1, keepTags: ['first'] }, dryRun: true });
    expect(preview).toHaveLength(1);
    const group = preview[0]!;
    expect(group.keep?.map((s) => s.tags)).toEqual(expect.arrayContaining([['first'], ['third']]));
    expect(group.remove?.map((s) => s.tags)).toEqual([['second']]);
    expect(group.reasons?.map((r) => r.matches).flat()).toEqual(expect.arrayContaining(['last snapshot', 'has tags [first]']));
    expect((await restic.snapshots(repo)).value).toHaveLength(before.length);

    const { value: done } = await restic.forget(repo, { policy: { keepLast: 1, keepTags: ['first'] }, dryRun: false, prune: true });
    expect(done[0]!.remove).toHaveLength(1);
    expect((await restic.snapshots(repo)).value.map((s) => s.tags)).toEqual([['first'], ['third']]);
    expect((await restic.check(repo)).value).toMatchObject({ ok: true, report: expect.stringContaining('no errors were found') });
  });

  it('a wrong password names the field password; a repository that is not there is NOT_FOUND on repository and probes as missing', async () => {
    const wrong = { ...repo, password: 'not-it' };
    await expect(restic.snapshots(wrong)).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'password', message: expect.stringContaining('is not the password') });
    await expect(restic.probe(wrong)).rejects.toMatchObject({ field: 'password' });
    const nowhere = { ...repo, repository: join(root, 'no-repo') };
    await expect(restic.snapshots(nowhere)).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'repository' });
    expect(await restic.probe(nowhere)).toBe('missing');
    expect(await restic.probe(repo)).toBe('ready');
    await expect(restic.init(repo)).rejects.toBeInstanceOf(ResticFailure);
  });

  it('hands the password over in the environment only: never an argument, never in the kept log', async () => {
    const argvFile = join(root, 'argv.txt');
    const spy = script('restic-spy', `printf '%s\\n' "$@" > ${argvFile}; env > ${argvFile}.env; echo "a line that leaks $RESTIC_PASSWORD" >&2; exec ${binary.path} "$@"`);
    const spied = new Restic({ ...binary, path: spy }, { ...process.env, RESTIC_PASSWORD: 'from-the-app-env', RESTIC_PASSWORD_FILE: '/nope' });
    const { log } = await spied.snapshots(repo);
    expect(readFileSync(argvFile, 'utf8')).not.toContain(password);
    expect(readFileSync(`${argvFile}.env`, 'utf8')).toContain(`RESTIC_PASSWORD=${password}`);
    expect(readFileSync(`${argvFile}.env`, 'utf8')).not.toContain('RESTIC_PASSWORD_FILE');
    expect(log).toContain('a line that leaks ***');
    expect(log).not.toContain(password);
    const failure = await spied.snapshots({ ...repo, repository: join(root, 'no-repo') }).catch((e: ResticFailure) => e);
    expect(failure).toBeInstanceOf(ResticFailure);
    expect(JSON.stringify({ message: (failure as ResticFailure).message, log: (failure as ResticFailure).log })).not.toContain(password);
  });

  it('a cancelled backup stops restic with SIGINT: CANCELLED with the log so far, no lock left, and the repository checks clean', async () => {
    const big = join(root, 'big');
    mkdirSync(big);
    for (let i = 0; i < 40; i++) writeFileSync(join(big, `f${i}`), randomBytes(1_000_000));
    const controller = new AbortController();
    const started = restic.backup(repo, { paths: [big], signal: controller.signal, onStatus: () => controller.abort() });
    await expect(started).rejects.toMatchObject({ code: 'CANCELLED', message: 'restic backup cancelled' });
    expect((await restic.snapshots(repo)).value.some((s) => s.paths.includes(big))).toBe(false);
    expect((await restic.check(repo)).value.ok).toBe(true);
  });

  it('a call that outlives its timeout is stopped and says so', async () => {
    await expect(restic.check(repo, { timeoutMs: 1 })).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('did not finish within') });
  });
});
