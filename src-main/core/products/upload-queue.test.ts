import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { productSpecSchema } from '../../../shared/product';
import { freePort, goodToken, startFakeDrive, type FakeDrive } from '../../../tests/helpers/drive-server';
import { productSite, sampleSpec, writeContent } from '../../../tests/helpers/products';
import { ManualClock } from '../clock';
import type { CoreConfig } from '..';

const slug = sampleSpec.slug;
const credentials = JSON.stringify({ access_token: goodToken });
const servers: FakeDrive[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

function site(env: NodeJS.ProcessEnv, config: Partial<CoreConfig> = {}) {
  const clock = new ManualClock(Date.UTC(2026, 4, 1));
  const s = productSite({ clock, env, ...config });
  s.core.products.create(productSpecSchema.parse(sampleSpec));
  writeContent(s.productsDir, slug, { 'guide.md': '# Guide\n'.repeat(100), 'bonus.bin': randomBytes(20_000) });
  return { ...s, clock };
}

function siteConfig(siteDir: string): Array<{ slug: string; driveDownloadUrl: string | null }> {
  return JSON.parse(readFileSync(join(siteDir, 'src', 'config', 'products.json'), 'utf8'));
}

describe('Drive upload queue', () => {
  it('in pre-launch records a dry run that needs approval, with its plan, and calls nobody', async () => {
    const server = await startFakeDrive();
    servers.push(server);
    const { core } = site({ LEVQOR_DRIVE_ROOT_URL: server.url, LEVQOR_DRIVE_CREDENTIALS: credentials, LEVQOR_DRIVE_FOLDER_ID: 'shared-folder' });
    const result = await core.products.compile(slug, { upload: true });
    expect(result.uploaded).toBe(false);
    expect(result.upload).toMatchObject({
      status: 'needs-approval',
      plan: { fileName: `${slug}-1.0.0.zip`, mimeType: 'application/zip', bytes: result.bytes, folderId: 'shared-folder', supportsAllDrives: true, permission: { type: 'anyone', role: 'reader' } },
    });
    expect(server.requests).toEqual([]);
    // the queue leaves it alone too
    expect(await core.products.sendUploads()).toMatchObject({ attempted: 0, uploaded: 0 });
    expect(server.requests).toEqual([]);
    core.close();
  });

  it('in post-launch uploads during the compile and puts the Drive link in the site config', async () => {
    const server = await startFakeDrive();
    servers.push(server);
    const { core, siteDir } = site({ LEVQOR_LAUNCH_STAGE: 'post-launch', LEVQOR_DRIVE_ROOT_URL: server.url, LEVQOR_DRIVE_CREDENTIALS: credentials });
    const phases = new Set<string>();
    core.events.subscribe((name, p) => name === 'products.progress' && phases.add((p as { phase: string }).phase));
    const result = await core.products.compile(slug, { upload: true });
    expect(result).toMatchObject({ uploaded: true, upload: { status: 'done' }, driveDownloadUrl: expect.stringMatching(/^https:\/\/drive\.google\.com\/uc\?id=/) });
    const [file] = [...server.files.values()];
    expect(file!.data.equals(readFileSync(result.zipPath))).toBe(true);
    expect(server.permissions.get(file!.id)).toEqual([{ type: 'anyone', role: 'reader' }]);
    expect(siteConfig(siteDir)[0]!.driveDownloadUrl).toBe(result.driveDownloadUrl);
    expect(phases).toEqual(new Set(['zip', 'upload']));
    expect(core.products.checklist(slug).steps.find((s) => s.id === 'drive')).toMatchObject({ done: true, detail: result.driveDownloadUrl });

    // the same archive again: no second upload
    const again = await core.products.compile(slug, { upload: true });
    expect(again).toMatchObject({ sha256: result.sha256, uploaded: true, driveDownloadUrl: result.driveDownloadUrl });
    expect(server.files.size).toBe(1);
    core.close();
  });

  it('offline: the compile completes, the upload waits with backoff and goes out once Drive answers', async () => {
    const port = await freePort();
    const rootUrl = `http://127.0.0.1:${port}/`;
    const { core, clock, siteDir } = site({ LEVQOR_LAUNCH_STAGE: 'post-launch', LEVQOR_DRIVE_ROOT_URL: rootUrl, LEVQOR_DRIVE_CREDENTIALS: credentials });
    const result = await core.products.compile(slug, { upload: true });
    expect(result).toMatchObject({ uploaded: false, upload: { status: 'queued', attempts: 1, lastError: expect.stringContaining('could not be reached') } });
    expect(result.upload!.nextAttemptAt).toBe(clock.now() + 30_000);
    expect(siteConfig(siteDir)[0]!.driveDownloadUrl).toBeNull();

    // still down, and the backoff has not passed: nothing is tried
    expect(await core.products.uploads.processDue()).toEqual({ attempted: 0, uploaded: 0 });
    clock.advance(30_000);
    expect(await core.products.uploads.processDue()).toEqual({ attempted: 1, uploaded: 0 });
    expect(core.products.listUploads()[0]).toMatchObject({ status: 'queued', attempts: 2, nextAttemptAt: clock.now() + 60_000 });

    // Drive appears
    const server = await startFakeDrive({ port });
    servers.push(server);
    clock.advance(60_000);
    expect(await core.products.uploads.processDue()).toEqual({ attempted: 1, uploaded: 1 });
    const done = core.products.listUploads()[0]!;
    expect(done).toMatchObject({ status: 'done', driveDownloadUrl: expect.any(String) });
    expect([...server.files.values()][0]!.data.equals(readFileSync(result.zipPath))).toBe(true);
    expect(siteConfig(siteDir)[0]!.driveDownloadUrl).toBe(done.driveDownloadUrl);
    core.close();
  });

  it('without credentials the upload waits, and goes out once they are set', async () => {
    const server = await startFakeDrive();
    servers.push(server);
    const { core } = site({ LEVQOR_LAUNCH_STAGE: 'post-launch', LEVQOR_DRIVE_ROOT_URL: server.url });
    const result = await core.products.compile(slug, { upload: true });
    expect(result.upload).toMatchObject({ status: 'queued', lastError: expect.stringContaining('google.driveCredentials') });
    core.secrets.set('google.driveCredentials', credentials);
    expect(await core.products.sendUploads()).toMatchObject({ attempted: 1, uploaded: 1, uploads: [expect.objectContaining({ status: 'done' })] });
    core.close();
  });

  it('a resumable upload cut short continues in the next try from the kept session', async () => {
    const server = await startFakeDrive();
    servers.push(server);
    const { core } = site(
      { LEVQOR_LAUNCH_STAGE: 'post-launch', LEVQOR_DRIVE_ROOT_URL: server.url, LEVQOR_DRIVE_CREDENTIALS: credentials },
      { productUploads: { multipartMaxBytes: 16 * 1024, chunkBytes: 256 * 1024 } },
    );
    writeContent(core.products.layout().productsDir, slug, { 'video.bin': randomBytes(700_000) });
    server.failNext('chunk', 503, 4); // more failures than one try tolerates
    const result = await core.products.compile(slug, { upload: true });
    expect(result.upload).toMatchObject({ status: 'queued', lastError: expect.stringContaining('503') });
    expect(server.requests.filter((r) => r.query.uploadType === 'resumable' && r.method === 'POST')).toHaveLength(1);

    expect(await core.products.sendUploads()).toMatchObject({ uploaded: 1 });
    expect(server.requests.filter((r) => r.query.uploadType === 'resumable' && r.method === 'POST')).toHaveLength(1);
    expect([...server.files.values()][0]!.data.equals(readFileSync(result.zipPath))).toBe(true);
    core.close();
  });

  it('a permission that fails after the file is up is retried alone, never uploading a second copy', async () => {
    const server = await startFakeDrive();
    servers.push(server);
    const { core } = site({ LEVQOR_LAUNCH_STAGE: 'post-launch', LEVQOR_DRIVE_ROOT_URL: server.url, LEVQOR_DRIVE_CREDENTIALS: credentials });
    server.failNext('permission', 500);
    const result = await core.products.compile(slug, { upload: true });
    expect(result.upload).toMatchObject({ status: 'queued', driveFileId: expect.any(String) });
    expect(await core.products.sendUploads()).toMatchObject({ uploaded: 1 });
    expect(server.files.size).toBe(1);
    core.close();
  });

  it('a newer build supersedes an upload that never went out', async () => {
    const { core, productsDir } = site({ LEVQOR_LAUNCH_STAGE: 'post-launch' });
    const first = await core.products.compile(slug, { upload: true });
    writeContent(productsDir, slug, { 'changelog.md': 'v2' });
    const second = await core.products.compile(slug, { upload: true });
    expect(second.sha256).not.toBe(first.sha256);
    expect(core.products.listUploads().map((u) => [u.sha256, u.status])).toEqual([
      [second.sha256, 'queued'],
      [first.sha256, 'superseded'],
    ]);
    core.close();
  });
});
