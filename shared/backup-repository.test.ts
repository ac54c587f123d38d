import { describe, expect, it } from 'vitest';
import { parseRepository } from './backup-repository';
import { repositorySchema } from './backup';

describe('a backup repository as the founder types it', () => {
  it.each([
    ['/srv/backups/levqor', 'local'],
    ['local:/srv/backups/levqor', 'local'],
    ['C:\\Backups\\levqor', 'local'],
    ['sftp:me@nas.local:/volume1/levqor', 'sftp'],
    ['sftp:nas:/backups', 'sftp'],
    ['sftp://me@nas.local:2222//volume1/levqor', 'sftp'],
    ['rest:https://backup.example.com:8000/levqor', 'rest'],
    ['rest:https://me:secret@backup.example.com/levqor', 'rest'],
    ['rest:http://me:secret@127.0.0.1:8000/', 'rest'],
    ['s3:s3.amazonaws.com/my-bucket/levqor', 's3'],
    ['s3:https://minio.example.com/bucket', 's3'],
    ['rclone:gdrive:levqor/backups', 'rclone'],
  ])('%s is a %s repository', (value, kind) => {
    expect(parseRepository(value)).toMatchObject({ ok: true, repository: { kind, value } });
  });

  it('shows a REST URL without its password', () => {
    const parsed = parseRepository('rest:https://me:secret@backup.example.com/levqor');
    expect(parsed.ok && parsed.repository.display).toBe('rest:https://me:***@backup.example.com/levqor');
  });

  it.each([
    ['backups/levqor', /relative folder is not accepted/],
    ['', /must be a local folder/],
    [' /srv/x', /must be a local folder/],
    ['local:backups', /absolute folder path/],
    ['sftp:nohostpath', /sftp:user@host:\/path/],
    ['sftp://me:pw@nas//x', /must not carry a password/],
    ['rest:ftp://host/x', /rest:http\(s\):\/\/host:port\/path/],
    ['rest:http://me:secret@backup.example.com/', /must use https/],
    ['s3:bucket-only', /s3:HOST\/BUCKET/],
    ['rclone:nocolon', /rclone:REMOTE:PATH/],
    ['b2:bucket:path', /b2: repositories are not supported/],
    ['ftp://host/x', /relative folder is not accepted/],
  ])('%j is refused, the reason naming the forms', (value, reason) => {
    expect(parseRepository(value)).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });

  it('never repeats a password it refuses', () => {
    const result = repositorySchema.safeParse('rest:http://me:hunter2@backup.example.com/');
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).not.toContain('hunter2');
  });
});
