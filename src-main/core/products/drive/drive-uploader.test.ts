import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, goodToken, startFakeDrive, type FakeDrive } from '../../../../tests/helpers/drive-server';
import { tempDir } from '../../../../tests/helpers/temp-dir';
import { authFromCredentials } from './credentials';
import { DriveError } from './drive-error';
import { downloadUrlFor, shareWithAnyone, uploadFile } from './drive-uploader';
import type { DriveTarget, UploadJob } from './upload-job';

const servers: FakeDrive[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function drive(): Promise<FakeDrive> {
  const s = await startFakeDrive();
  servers.push(s);
  return s;
}

function archive(bytes: number): { file: string; data: Buffer } {
  const data = randomBytes(bytes);
  const file = join(tempDir(), 'ascend-launch-system-1.0.0.zip');
  writeFileSync(file, data);
  return { file, data };
}

function job(file: string, bytes: number, extra: Partial<UploadJob> = {}): UploadJob {
  return { file, name: 'ascend-launch-system-1.0.0.zip', mimeType: 'application/zip', bytes, ...extra };
}

const token = JSON.stringify({ access_token: goodToken });
const quarterMiB = 256 * 1024;

describe('Drive upload (against a local Drive v3)', () => {
  it('sends a small file in one multipart request to the folder, with supportsAllDrives, and shares it', async () => {
    const server = await drive();
    const { file, data } = archive(50_000);
    const target: DriveTarget = { client: authFromCredentials(token), rootUrl: server.url, folderId: 'folder-123' };
    const progress: number[] = [];
    const uploaded = await uploadFile(target, job(file, data.length, { onProgress: (d) => progress.push(d) }));
    await shareWithAnyone(target, uploaded.id);

    const stored = server.files.get(uploaded.id)!;
    expect(stored).toMatchObject({ uploadType: 'multipart', name: 'ascend-launch-system-1.0.0.zip', mimeType: 'application/zip', parents: ['folder-123'] });
    expect(stored.data.equals(data)).toBe(true);
    expect(server.permissions.get(uploaded.id)).toEqual([{ type: 'anyone', role: 'reader' }]);
    const calls = server.requests.filter((r) => r.method === 'POST');
    expect(calls.map((r) => [r.path, r.query.uploadType, r.query.supportsAllDrives])).toEqual([
      ['/upload/drive/v3/files', 'multipart', 'true'],
      [`/drive/v3/files/${uploaded.id}/permissions`, undefined, 'true'],
    ]);
    expect(calls.every((r) => r.authorization === `Bearer ${goodToken}`)).toBe(true);
    expect(downloadUrlFor(uploaded)).toBe(`https://drive.google.com/uc?id=${uploaded.id}&export=download`);
    expect(progress.at(-1)).toBe(data.length);
  });

  it('sends a larger file with the resumable protocol, chunk by chunk', async () => {
    const server = await drive();
    const { file, data } = archive(5 * quarterMiB + 1234);
    const target: DriveTarget = { client: authFromCredentials(token), rootUrl: server.url };
    const uploaded = await uploadFile(target, job(file, data.length), { multipartMaxBytes: quarterMiB, chunkBytes: 2 * quarterMiB });
    expect(server.files.get(uploaded.id)).toMatchObject({ uploadType: 'resumable', mimeType: 'application/zip' });
    expect(server.files.get(uploaded.id)!.data.equals(data)).toBe(true);
    const ranges = server.requests.filter((r) => r.method === 'PUT').map((r) => r.contentRange);
    expect(ranges).toEqual([`bytes 0-524287/${data.length}`, `bytes 524288-1048575/${data.length}`, `bytes 1048576-${data.length - 1}/${data.length}`]);
    const start = server.requests.find((r) => r.method === 'POST')!;
    expect(start.query).toMatchObject({ uploadType: 'resumable', supportsAllDrives: 'true' });
  });

  it('continues an interrupted resumable upload from what Drive holds', async () => {
    const server = await drive();
    const { file, data } = archive(4 * quarterMiB);
    const target: DriveTarget = { client: authFromCredentials(token), rootUrl: server.url };
    server.interruptNextChunkAfter(100_000); // the first chunk is cut off after 100 000 bytes
    const uploaded = await uploadFile(target, job(file, data.length), { multipartMaxBytes: quarterMiB, chunkBytes: 2 * quarterMiB });
    expect(server.files.get(uploaded.id)!.data.equals(data)).toBe(true);
    const ranges = server.requests.filter((r) => r.method === 'PUT').map((r) => r.contentRange);
    expect(ranges).toEqual([
      `bytes 0-524287/${data.length}`,
      `bytes */${data.length}`, // where does Drive stand?
      `bytes 100000-624287/${data.length}`, // from there on
      `bytes 624288-${data.length - 1}/${data.length}`,
    ]);
  });

  it('keeps the session of a failed try and continues it on the next one, without a second session', async () => {
    const server = await drive();
    const { file, data } = archive(4 * quarterMiB);
    const target: DriveTarget = { client: authFromCredentials(token), rootUrl: server.url };
    let session: string | undefined;
    const tuning = { multipartMaxBytes: quarterMiB, chunkBytes: 2 * quarterMiB };
    server.failNext('chunk', 503, 4);
    const failed = await uploadFile(target, job(file, data.length, { onSession: (s) => (session = s) }), tuning).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(DriveError);
    expect((failed as DriveError).kind).toBe('transient');
    expect(session).toMatch(/upload_id=/);

    const uploaded = await uploadFile(target, job(file, data.length, { sessionUri: session! }), tuning);
    expect(server.files.get(uploaded.id)!.data.equals(data)).toBe(true);
    expect(server.requests.filter((r) => r.method === 'POST' && r.query.uploadType === 'resumable')).toHaveLength(1);
  });

  it('refreshes an authorized_user token at its token_uri before uploading', async () => {
    const server = await drive();
    const { file, data } = archive(1000);
    const credentials = JSON.stringify({ type: 'authorized_user', client_id: 'id', client_secret: 'secret', refresh_token: 'refresh', token_uri: `${server.url}token` });
    const uploaded = await uploadFile({ client: authFromCredentials(credentials), rootUrl: server.url }, job(file, data.length));
    expect(server.files.has(uploaded.id)).toBe(true);
    expect(server.requests.map((r) => r.path)).toEqual(['/token', '/upload/drive/v3/files']);
  });

  it('names what went wrong: bad credentials, Drive not reachable, malformed credentials', async () => {
    const server = await drive();
    const { file, data } = archive(1000);
    const wrong = uploadFile({ client: authFromCredentials(JSON.stringify({ access_token: 'expired' })), rootUrl: server.url }, job(file, data.length));
    await expect(wrong).rejects.toMatchObject({ kind: 'credentials', status: 401 });
    const port = await freePort();
    const offline = uploadFile({ client: authFromCredentials(token), rootUrl: `http://127.0.0.1:${port}/` }, job(file, data.length));
    await expect(offline).rejects.toMatchObject({ kind: 'offline' });
    expect(() => authFromCredentials('{"nope": 1}')).toThrow(expect.objectContaining({ kind: 'credentials' }));
    expect(() => authFromCredentials('not json')).toThrow(/not valid JSON/);
  });
});
