import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRestServer, type RestServer } from '../../../../tests/helpers/backups/rest-server';
import { startSftpServer, type SftpServer } from '../../../../tests/helpers/backups/sftp-server';
import { locateRestic } from './locate';
import { Restic, type RepositoryAccess } from './restic';
import { ResticFailure } from './failure';

const root = mkdtempSync(join(tmpdir(), 'levqor-repos-'));
const source = join(root, 'src');
let restic: Restic;
let rest: RestServer;
let sftp: SftpServer;

beforeAll(async () => {
  mkdirSync(source);
  writeFileSync(join(source, 'note.txt'), 'kept far away');
  restic = new Restic(await locateRestic('', process.env), process.env, join(root, 'cache'));
  [rest, sftp] = await Promise.all([startRestServer(join(root, 'rest'), { user: 'levqor', pass: 'rest-secret' }), startSftpServer(join(root, 'sshd'))]);
});
afterAll(async () => {
  await Promise.all([rest?.stop(), sftp?.stop()]);
  rmSync(root, { recursive: true, force: true });
});

/** init, back up, list: the same round trip on every kind of repository. */
async function roundTrip(repo: RepositoryAccess): Promise<void> {
  expect(await restic.probe(repo)).toBe('missing');
  await restic.init(repo);
  expect(await restic.probe(repo)).toBe('ready');
  const { value } = await restic.backup(repo, { paths: [source] });
  const { value: snapshots } = await restic.snapshots(repo);
  expect(snapshots.map((s) => s.short_id)).toEqual([value.summary.snapshot_id]);
}

describe('repositories restic reaches', () => {
  it('a local folder', async () => {
    await roundTrip({ repository: join(root, 'local'), password: 'local-pw' });
  });

  it('a REST server (rclone serve restic on loopback), its URL password kept out of the log', async () => {
    const repo = { repository: rest.repository('levqor'), password: 'rest-pw' };
    await roundTrip(repo);
    const wrongUser = { ...repo, repository: rest.repository('levqor').replace('rest-secret', 'nope') };
    const failure: unknown = await restic.snapshots(wrongUser).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ResticFailure);
    const { message, log } = failure as ResticFailure;
    expect(`${message}\n${log}`).not.toContain('rest-secret');
  });

  it('an SFTP server (a throwaway sshd on loopback)', async () => {
    await roundTrip({ repository: sftp.repository(join(root, 'sftp-repo')), password: 'sftp-pw', options: sftp.resticOptions });
  });

  it('an unreachable server is UNAVAILABLE with restic\u2019s reason', async () => {
    const gone = { repository: 'rest:http://127.0.0.1:9/levqor', password: 'x' };
    await expect(restic.snapshots(gone, { timeoutMs: 20_000 })).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('rest:http://127.0.0.1:9/levqor') });
  });
});
