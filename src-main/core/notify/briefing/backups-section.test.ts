import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { backupTestCore, type BackupTestCore } from '../../../../tests/helpers/backups/backup-core';

let t: BackupTestCore | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

describe('the briefing\u2019s backups part, over real restic', () => {
  it('names each plan\u2019s last success and the day\u2019s failures', async () => {
    t = backupTestCore({ manual: true });
    const { core } = t;
    core.settings.set('notify.briefing.timezone', 'UTC');
    await core.backups.add(t.plan('documents'));
    expect(await core.backups.run('documents', true)).toMatchObject({ status: 'succeeded' });
    await core.backups.add(t.plan('photos', { repo: `${t.root}/repo-photos` }));
    rmSync(`${t.root}/repo-photos`, { recursive: true, force: true });
    expect(await core.backups.run('photos', true)).toMatchObject({ status: 'failed' });

    const backups = core.briefing.compose().sections.find((s) => s.id === 'backups')!;
    expect(backups).toMatchObject({ headline: '2 plans: 1 failure in the last 24 h, 0 stale', severity: 'critical' });
    expect(backups.lines).toEqual([
      { text: 'documents: last backup Mon 5 Jan 08:00 (0 min ago)', severity: 'info' },
      { text: 'photos: no successful backup yet', severity: 'warning' },
      { text: expect.stringMatching(/^photos: 1 backup failed in the last 24 h: ./), severity: 'critical' },
    ]);
  }, 60_000);
});
