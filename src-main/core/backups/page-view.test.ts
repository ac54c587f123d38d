import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '..';
import { createDispatcher } from '../../api/dispatcher';

// The Backups area's procedures over HTTP, as the page calls them: one data dir for the file.
const root = mkdtempSync(join(tmpdir(), 'levqor-backup-page-'));
const dataDir = join(root, 'data');
const products = join(root, 'products');
const env = { PATH: process.env.PATH, HOME: root, LEVQOR_SECRET_KEY: 'f'.repeat(64), LEVQOR_PRODUCTS_DIR: products };
let core: Core;
let call: (name: string, input: unknown) => Promise<{ ok: boolean; value?: any; error?: { code: string; field?: string; message: string } }>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(() => {
  mkdirSync(join(products, 'guide'), { recursive: true });
  writeFileSync(join(products, 'guide', 'guide.md'), '# Guide\n');
  for (const n of ['part-10.txt', 'part-2.txt']) writeFileSync(join(products, n), n);
  mkdirSync(join(products, 'zz-extras'));
  core = createCore({ dataDir, env, logToFile: false });
  const api = createDispatcher(core);
  call = (name, input) => api.call(name, input, { transport: 'http' }) as never;
});
afterAll(() => {
  core?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Whether an answer names a path of this machine. */
const namesAPath = (value: unknown) => [root, dataDir, products].some((p) => JSON.stringify(value).includes(p));

describe('the Backups area procedures', () => {
  it('refuses bad input naming the field and stores nothing', async () => {
    const good = { name: 'app', repository: { kind: 'appData' }, password: 'long-enough-1', retention: { keepLast: 3 } };
    for (const [input, field] of [
      [{ ...good, name: '' }, 'name'],
      [{ ...good, repository: { kind: 'url', url: 'ftp://nope' } }, 'repository.url'],
      [{ ...good, repository: { kind: 'url', url: '/srv/backups' } }, 'repository.url'],
      [{ ...good, password: 'short' }, 'password'],
    ] as const) {
      expect(await call('backup.pageAddPlan', input)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field } });
    }
    expect((await call('backup.pagePlans', {})).value).toEqual({ plans: [] });
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);
  });

  it('adds a plan of the app data in the data folder, backs up, lists snapshots, browses, restores and previews retention without naming a path', async () => {
    const added = await call('backup.pageAddPlan', { name: 'app', repository: { kind: 'appData' }, password: 'long-enough-1', retention: { keepLast: 3 }, schedule: '0 3 * * *', timezone: 'UTC' });
    expect(added).toMatchObject({ ok: true, value: { name: 'app', sources: ['app'], repoKind: 'local', repository: 'in the app\u2019s data folder', nextRun: expect.any(Number), lastBackup: null } });
    expect(existsSync(join(dataDir, 'backups', 'app', 'config'))).toBe(true);
    const run = await call('backup.run', { plan: 'app', wait: true });
    expect(run.value).toMatchObject({ status: 'succeeded' });

    const plans = (await call('backup.pagePlans', {})).value;
    expect(plans.plans[0]).toMatchObject({ lastSuccess: { id: run.value.id }, running: null });
    const { snapshots } = (await call('backup.pageSnapshots', { plan: 'app' })).value;
    expect(snapshots).toEqual([expect.objectContaining({ shortId: run.value.snapshotId, files: run.value.files, bytesAdded: run.value.bytesAdded })]);
    const snapshot = snapshots[0].id;

    const top = (await call('backup.pageBrowse', { plan: 'app', snapshot })).value;
    expect(top.entries.map((e: { path: string }) => e.path)).toEqual(['app-data', 'products']);
    const guide = (await call('backup.pageBrowse', { plan: 'app', snapshot, path: 'products/guide' })).value;
    expect(guide.entries).toEqual([expect.objectContaining({ name: 'guide.md', type: 'file', path: 'products/guide/guide.md', size: 8 })]);
    // folders first, then numbers in names counted (restic lists part-10 before part-2)
    const inProducts = (await call('backup.pageBrowse', { plan: 'app', snapshot, path: 'products' })).value;
    expect(inProducts.entries.map((e: { name: string }) => e.name)).toEqual(['guide', 'zz-extras', 'part-2.txt', 'part-10.txt']);
    expect(await call('backup.pageBrowse', { plan: 'app', snapshot, path: 'folder-1' })).toMatchObject({ ok: false, error: { field: 'path' } });
    expect(await call('backup.pageBrowse', { plan: 'app', snapshot, path: '/etc' })).toMatchObject({ ok: false, error: { field: 'path' } });

    const restored = (await call('backup.pageRestore', { plan: 'app', snapshot, path: 'products/guide/guide.md', folder: 'guide-back' })).value;
    expect(restored).toMatchObject({ files: 1, target: join(dataDir, 'restores', 'guide-back'), operation: { kind: 'restore', status: 'succeeded' } });
    expect(readFileSync(restored.restoredAt, 'utf8')).toBe('# Guide\n');
    // the restore is in the audit log, written before it wrote anything
    expect((await call('audit.list', { kind: 'backup.restore' })).value).toMatchObject({ entries: [{ what: 'backup.restore', outcome: 'done', detail: expect.stringContaining('"plan":"app"') }] });
    expect(await call('backup.pageRestore', { plan: 'app', snapshot, folder: 'guide-back' })).toMatchObject({ ok: false, error: { field: 'folder', message: expect.stringContaining('already') } });
    expect(await call('backup.pageRestore', { plan: 'app', snapshot, folder: '../escape' })).toMatchObject({ ok: false, error: { field: 'folder' } });
    expect(await call('backup.restore', { plan: 'app', snapshot, target: join(root, 'elsewhere') })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const retention = (await call('backup.pageRetention', { plan: 'app' })).value;
    expect(retention).toEqual({ keep: [expect.objectContaining({ shortId: run.value.snapshotId, reasons: ['last snapshot'] })], remove: [] });
    expect((await call('backup.pageEngine', {})).value).toMatchObject({ found: true, version: expect.any(String) });
    for (const value of [plans, snapshots, top, guide, retention, (await call('backup.pageEngine', {})).value]) expect(namesAPath(value)).toBe(false);
  });

  it('puts the paths of this machine in words in the history, the kept logs and errors', async () => {
    const folder = join(root, 'clients');
    mkdirSync(folder);
    await core.backups.add({ name: 'clients', repo: join(root, 'clients-repo'), password: 'long-enough-2', sources: [{ kind: 'folder', path: folder }] });
    rmSync(folder, { recursive: true });
    const failed = await core.backups.run('clients', true);
    expect(failed.error).toContain(folder);
    const { operations } = (await call('backup.pageHistory', { plan: 'clients' })).value;
    expect(operations[0]).toMatchObject({ id: failed.id, status: 'failed', error: expect.stringContaining('a folder of clients') });
    const detail = (await call('backup.pageOperation', { id: operations.at(-1).id })).value;
    expect(detail.kind).toBe('init');
    const { plans } = (await call('backup.pagePlans', {})).value;
    expect(plans.find((p: { name: string }) => p.name === 'clients')).toMatchObject({ lastBackup: { id: failed.id, error: expect.stringContaining('a folder of clients') } });
    for (const value of [operations, detail, plans]) expect(namesAPath(value)).toBe(false);
    expect(await call('backup.pageHistory', { plan: 'nobody' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'plan' } });
  });
});
