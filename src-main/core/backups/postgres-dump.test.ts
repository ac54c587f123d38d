import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '..';
import { usePostgres } from '../../../tests/helpers/postgres';
import { startSystemPostgres, type SystemPostgres } from '../../../tests/helpers/backups/system-postgres';
import { backupPostgres } from './postgres-dump';
import { locateRestic } from './restic/locate';
import { Restic } from './restic/restic';

const root = mkdtempSync(join(tmpdir(), 'levqor-pgdump-'));
const repo = join(root, 'repo');
const password = `repo-${randomBytes(6).toString('hex')}`;
const dbPassword = `pg-${randomBytes(8).toString('hex')}`;
const newer = usePostgres();
let system: SystemPostgres | undefined;
const cores: Core[] = [];

beforeAll(async () => {
  system = await startSystemPostgres(dbPassword);
}, 60_000);
afterAll(async () => {
  for (const core of cores) core.close();
  await system?.stop();
  rmSync(root, { recursive: true, force: true });
});

/** A core whose remote Postgres is `url`, with a plan backing it up into the one repository. */
async function coreWithRemote(name: string, url: string): Promise<Core> {
  const core = createCore({ dataDir: join(root, name), env: { PATH: process.env.PATH, HOME: root, LEVQOR_SECRET_KEY: 'e'.repeat(64), LEVQOR_DATABASE_URL: url }, logToFile: false });
  cores.push(core);
  await core.backups.add({ name, repo, password, sources: [{ kind: 'postgres' }], excludes: [], retention: {} });
  return core;
}

function restic(...args: string[]): Buffer {
  return execFileSync('restic', args, { env: { ...process.env, RESTIC_REPOSITORY: repo, RESTIC_PASSWORD: password, RESTIC_CACHE_DIR: join(root, 'cache') }, maxBuffer: 64 * 1024 * 1024 });
}

describe('the remote Postgres source', () => {
  it('streams pg_dump --format=custom into restic as postgres.dump, and pg_restore reads it back', async () => {
    const client = new pg.Client({ connectionString: system!.url });
    await client.connect();
    await client.query('CREATE TABLE invoices (id int PRIMARY KEY, client text)');
    await client.query("INSERT INTO invoices SELECT g, 'client-' || g FROM generate_series(1, 500) g");
    await client.end();
    const core = await coreWithRemote('remote', system!.url);
    const op = await core.backups.run('remote', true);
    expect(op).toMatchObject({ status: 'succeeded', files: 1, error: null });
    const [snapshot] = await core.backups.snapshots('remote');
    expect(snapshot!.shortId).toBe(op.snapshotId);
    expect(snapshot).toMatchObject({ tags: ['levqor', 'levqor-plan-remote', 'postgres'], paths: ['/postgres.dump'] });
    const dump = restic('dump', op.snapshotId!, 'postgres.dump');
    expect(dump.subarray(0, 5).toString('latin1')).toBe('PGDMP'); // the custom format's magic
    const sql = execFileSync('pg_restore', ['--data-only', '-f', '-'], { input: dump, maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
    expect(sql).toContain('COPY public.invoices (id, client) FROM stdin;');
    expect(sql).toContain('500\tclient-500');
    expect(JSON.stringify(core.backups.operation(op.id))).not.toContain(dbPassword);
  }, 60_000);

  it('a wrong database password fails the run in plain words, without the password, and makes no snapshot', async () => {
    const core = await coreWithRemote('wrong', system!.url.replace(encodeURIComponent(dbPassword), 'not-the-password'));
    const op = await core.backups.run('wrong', true);
    expect(op.status).toBe('failed');
    expect(op.error).toMatch(/^pg_dump could not dump the remote Postgres \(database\.url\): .*password authentication failed/);
    expect(JSON.stringify(core.backups.operation(op.id))).not.toContain('not-the-password');
    expect(await core.backups.snapshots('wrong')).toEqual([]);
  }, 60_000);

  it('a pg_dump older than the server is refused naming both versions, and no partial dump is kept', async () => {
    const core = await coreWithRemote('newer', newer.url());
    const op = await core.backups.run('newer', true);
    const mine = /pg_dump \(PostgreSQL\) ([\d.]+)/.exec(execFileSync('pg_dump', ['--version']).toString())![1]!;
    const server = (await newer.query<{ v: string }>("SELECT current_setting('server_version') AS v"))[0]!.v;
    if (Number(mine.split('.')[0]) >= Number(server.split('.')[0])) return; // a newer client dumps it: nothing to refuse
    expect(op).toMatchObject({ status: 'failed' });
    expect(op.error).toContain(`pg_dump ${mine} is older than the remote Postgres server (${server.split(' ')[0]})`);
    expect(op.error).toContain('postgresql-client');
    expect(await core.backups.snapshots('newer')).toEqual([]);
  }, 60_000);

  it('a restic that fails on its own (wrong repository password) is the reason given, not the pg_dump it stopped', async () => {
    const env = { PATH: process.env.PATH };
    const tool = new Restic(await locateRestic('', env), env);
    await expect(backupPostgres({ restic: tool, access: { repository: repo, password: 'not-the-repo-password' }, url: system!.url, env })).rejects.toMatchObject({ field: 'password' });
  });

  it('without pg_dump on PATH says what to install, before restic starts', async () => {
    const bin = join(root, 'bin');
    mkdirSync(bin, { recursive: true });
    symlinkSync(execFileSync('which', ['restic']).toString().trim(), join(bin, 'restic'));
    const env = { PATH: bin };
    const tool = new Restic(await locateRestic('', env), env);
    await expect(backupPostgres({ restic: tool, access: { repository: repo, password }, url: 'postgres://u:p@127.0.0.1:1/db', env })).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/^pg_dump is not installed .*postgresql-client/) });
    await expect(backupPostgres({ restic: tool, access: { repository: repo, password }, url: 'postgres://u:p@127.0.0.1:1/db?sslfoo=1', env })).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'database.url', message: expect.stringContaining('sslfoo') });
  });
});
