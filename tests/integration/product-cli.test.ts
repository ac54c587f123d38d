import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, levqor, levqorAsync, levqorChild } from '../helpers/cli';
import { freePort, goodToken, startFakeDrive, type FakeDrive } from '../helpers/drive-server';
import { tempDir } from '../helpers/temp-dir';
import { treeSnapshot } from '../helpers/tree-snapshot';

beforeAll(assertBuilt);

const servers: FakeDrive[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/** `levqor --data-dir D --products-dir P …` on a fresh site. */
function site() {
  const dataDir = tempDir();
  const siteDir = tempDir('levqor-site-');
  const productsDir = join(siteDir, 'products');
  const globals = ['--data-dir', dataDir, '--products-dir', productsDir];
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => levqor([...globals, ...args], { env });
  const runAsync = (args: string[], env: NodeJS.ProcessEnv = {}) => levqorAsync([...globals, ...args], env);
  const start = (args: string[]) => levqorChild([...globals, ...args]);
  return { dataDir, siteDir, productsDir, run, runAsync, start };
}

const newArgs = ['product', 'new', '--slug', 'ascend-launch-system', '--name', 'Ascend Launch System', '--price', '17', '--description', 'Launch in a week.', '--tags', 'launch,templates'];

describe('levqor product', () => {
  it('new, list and validate: a draft offline, in the folder --products-dir names', () => {
    const { run, productsDir } = site();
    const created = run(newArgs);
    expect(created.code).toBe(0);
    expect(JSON.parse(readFileSync(join(productsDir, 'ascend-launch-system.product.json'), 'utf8'))).toMatchObject({ slug: 'ascend-launch-system', price: 17, tags: ['launch', 'templates'], version: '1.0.0' });
    expect(existsSync(join(productsDir, 'ascend-launch-system'))).toBe(true);

    const list = JSON.parse(run(['product', 'list', '--json']).stdout);
    expect(list).toMatchObject({ productsDir, products: [{ slug: 'ascend-launch-system', valid: true }] });

    const ok = run(['product', 'validate', 'ascend-launch-system', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ valid: true, errors: [] });
  });

  it('new with a bad field or a taken slug exits 2 naming the field, and writes nothing', () => {
    const { run, productsDir } = site();
    const bad = run([...newArgs.slice(0, 7), '0', ...newArgs.slice(8)]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('levqor: price: must be greater than 0');
    expect(existsSync(productsDir)).toBe(false);
    expect(run(newArgs).code).toBe(0);
    const again = run(newArgs);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('slug: a product "ascend-launch-system" already exists');
  });

  it('validate FILE exits 2 with every field error; --json gives { valid, errors }', () => {
    const { run } = site();
    const file = join(tempDir(), 'broken.product.json');
    writeFileSync(file, JSON.stringify({ slug: 'broken', name: 'B', price: 19.999, description: 'd', tags: [''] }));
    const human = run(['product', 'validate', file]);
    expect(human.code).toBe(2);
    expect(human.stderr).toContain('price: must have at most two decimals');
    expect(human.stderr).toContain('tags.0: must not be empty');
    const json = run(['product', 'validate', file, '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({
      valid: false,
      errors: [
        { path: 'price', message: 'must have at most two decimals' },
        { path: 'tags.0', message: 'must not be empty' },
      ],
    });
    expect(run(['product', 'validate', 'no-such-product']).code).toBe(2);
  });

  it('compile --no-upload --json prints the archive, its sha256 and the Omega folder; twice gives the same sha256', () => {
    const { run, productsDir, siteDir } = site();
    run(newArgs);
    writeFileSync(join(productsDir, 'ascend-launch-system', 'guide.md'), '# Guide\n'.repeat(200));
    const first = run(['product', 'compile', 'ascend-launch-system', '--no-upload', '--json']);
    expect(first.code).toBe(0);
    const out = JSON.parse(first.stdout);
    expect(Object.keys(out).sort()).toEqual(['bytes', 'omegaDir', 'sha256', 'slug', 'uploaded', 'zipPath']);
    expect(out).toMatchObject({
      slug: 'ascend-launch-system',
      zipPath: join(siteDir, 'dist', 'products', 'ascend-launch-system', 'ascend-launch-system-1.0.0.zip'),
      uploaded: false,
      omegaDir: join(siteDir, 'public', 'assets', 'Levqor-Omega-Empire-Pack', 'products', 'ascend-launch-system'),
    });
    expect(out.sha256).toBe(createHash('sha256').update(readFileSync(out.zipPath)).digest('hex'));
    const second = JSON.parse(run(['product', 'compile', 'ascend-launch-system', '--no-upload', '--json']).stdout);
    expect(second.sha256).toBe(out.sha256);
  });

  it('compile of a product without files exits 2 and writes nothing', () => {
    const { run, siteDir } = site();
    run(newArgs);
    const result = run(['product', 'compile', 'ascend-launch-system']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is empty; there is nothing to ship');
    expect(existsSync(join(siteDir, 'dist'))).toBe(false);
  });

  it('compile in post-launch uploads to Drive and prints driveDownloadUrl; uploads lists it', async () => {
    const server = await startFakeDrive();
    servers.push(server);
    const { run, runAsync, productsDir } = site();
    run(newArgs);
    writeFileSync(join(productsDir, 'ascend-launch-system', 'guide.md'), 'hello');
    const env = { LEVQOR_LAUNCH_STAGE: 'post-launch', LEVQOR_DRIVE_ROOT_URL: server.url, LEVQOR_DRIVE_CREDENTIALS: JSON.stringify({ access_token: goodToken }) };
    const result = await runAsync(['product', 'compile', 'ascend-launch-system', '--json'], env);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out).toMatchObject({ uploaded: true, driveDownloadUrl: expect.stringContaining('drive.google.com/uc?id=') });
    expect(server.files.size).toBe(1);
    const uploads = JSON.parse(run(['product', 'uploads', '--json'], env).stdout).uploads;
    expect(uploads).toEqual([expect.objectContaining({ status: 'done', driveDownloadUrl: out.driveDownloadUrl })]);
  });

  it('compile offline queues the upload, and `uploads --send` sends it once Drive answers', async () => {
    const { run, runAsync, productsDir } = site();
    run(newArgs);
    writeFileSync(join(productsDir, 'ascend-launch-system', 'guide.md'), 'hello');
    const creds = { LEVQOR_LAUNCH_STAGE: 'post-launch', LEVQOR_DRIVE_CREDENTIALS: JSON.stringify({ access_token: goodToken }) };
    const offline = run(['product', 'compile', 'ascend-launch-system'], { ...creds, LEVQOR_DRIVE_ROOT_URL: `http://127.0.0.1:${await freePort()}/` });
    expect(offline.code).toBe(0);
    expect(offline.stdout).toContain('waiting to upload');
    const server = await startFakeDrive();
    servers.push(server);
    const sent = await runAsync(['product', 'uploads', '--send', '--json'], { ...creds, LEVQOR_DRIVE_ROOT_URL: server.url });
    expect(JSON.parse(sent.stdout).uploads).toEqual([expect.objectContaining({ status: 'done' })]);
    expect(server.files.size).toBe(1);
  });

  it('compile killed with SIGKILL mid-archive leaves its temp ZIP, and the next compile removes it', async () => {
    const { run, start, productsDir, siteDir } = site();
    run(newArgs);
    // random text deflates slowly enough (about a second) to be caught in the middle
    writeFileSync(join(productsDir, 'ascend-launch-system', 'guide.md'), randomBytes(30_000_000).toString('base64'));
    const zipDir = join(siteDir, 'dist', 'products', 'ascend-launch-system');
    const temps = () => Object.keys(treeSnapshot(siteDir)).filter((p) => p.endsWith('.tmp'));
    const zipTemps = () => (existsSync(zipDir) ? readdirSync(zipDir).filter((n) => n.endsWith('.tmp')) : []);
    for (let kill = 0; kill < 3; kill++) {
      const before = zipTemps();
      const child = start(['product', 'compile', 'ascend-launch-system', '--no-upload']);
      const exited = new Promise((done) => child.once('exit', done));
      await until(() => zipTemps().some((n) => !before.includes(n) && statSync(join(zipDir, n)).size > 0));
      child.kill('SIGKILL');
      await exited;
      // this kill's temp only: each run's start-up removed the one the kill before it left
      expect(temps()).toHaveLength(1);
    }
    expect(run(['product', 'compile', 'ascend-launch-system', '--no-upload']).code).toBe(0);
    expect(temps()).toEqual([]);
    expect(existsSync(join(zipDir, 'ascend-launch-system-1.0.0.zip'))).toBe(true);
  });
});

/** Resolves once `ready()` is true, polling every few ms. */
async function until(ready: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (ready()) return;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}
