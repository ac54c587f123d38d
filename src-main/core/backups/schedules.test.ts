import { writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupOperation, StalePlanEvent } from '../../../shared/contract/backup';
import { backupTestCore, type BackupTestCore } from '../../../tests/helpers/backups/backup-core';
import { startRestServer, type RestServer } from '../../../tests/helpers/backups/rest-server';

let t: BackupTestCore | undefined;
let servers: RestServer[] = [];
afterEach(async () => {
  t?.cleanup();
  t = undefined;
  for (const s of servers) await s.stop();
  servers = [];
});

describe('a scheduled backup whose repository goes away', () => {
  it('fails with the reason, is tried again with backoff, and succeeds once the server is back', async () => {
    t = backupTestCore({ config: { backupRetry: { policy: { maxAttempts: 4, initialMs: 300, maxMs: 1_000, backoff: 'fixed', jitter: false }, unreachableAfterMs: 1_500 } } });
    const served = join(t.root, 'served');
    const first = await startRestServer(served);
    servers.push(first);
    // enough data that restic is still uploading when the server stops
    for (let i = 0; i < 3; i++) writeFileSync(join(t.folder, `blob-${i}.bin`), randomBytes(20 * 1024 * 1024));
    const { core } = t;
    await core.backups.add(t.plan('remote', { repo: first.repository('levqor') }));

    let stopped: Promise<void> | undefined;
    let restarted: Promise<RestServer> | undefined;
    core.events.on('backup.progress', () => (stopped ??= first.stop()));
    core.events.on('backup.failed', () => {
      restarted ??= (stopped ?? Promise.resolve()).then(() => startRestServer(served, undefined, first.port));
    });
    const done = await core.backups.schedules.backupWithRetry('remote');
    servers.push(await restarted!);

    expect(done).toMatchObject({ kind: 'backup', status: 'succeeded', snapshotId: expect.any(String) });
    const backups = core.backups.history('remote', 10).filter((op) => op.kind === 'backup');
    expect(backups[0]).toMatchObject({ status: 'succeeded' });
    const failed = backups.slice(1) as BackupOperation[];
    expect(failed.length).toBeGreaterThanOrEqual(1);
    for (const op of failed) expect(op).toMatchObject({ status: 'failed', error: expect.stringMatching(/repository|connection|dial tcp|refused/i) });
  }, 90_000);
});

describe('plan schedules on the scheduler', () => {
  it('fires a plan\u2019s backup at its cron time, announces a stale plan once per stale period, and asks before its retention removes anything', async () => {
    t = backupTestCore({ manual: true });
    const { core, timer, clock } = t;
    const stale: StalePlanEvent[] = [];
    core.events.on('backup.stale', (e) => stale.push(e));
    await core.backups.add(t.plan('hourly', { schedule: '0 * * * *', timezone: 'UTC', retention: { keepLast: 1 } }));
    core.background.start();

    // no fire yet: nothing has run, and one interval is not stale yet
    expect(core.backups.schedules.announceStale()).toEqual([]);
    await timer!.advance(60 * 60_000);
    await core.backups.schedules.settled();
    expect(core.backups.history('hourly', 10).filter((o) => o.kind === 'backup' && o.status === 'succeeded')).toHaveLength(1);
    // one snapshot and keep-last 1: nothing to remove, so nothing is asked
    expect(core.approvals.list({ kind: 'backup.forget', limit: 10 })).toEqual([]);

    await timer!.advance(60 * 60_000);
    await core.backups.schedules.settled();
    expect(core.approvals.list({ kind: 'backup.forget', status: 'pending', limit: 10 })).toHaveLength(1);
    expect((await core.backups.snapshots('hourly')).length).toBe(2);
    const asked = core.approvals.list({ kind: 'backup.forget', limit: 10 })[0]!;
    expect(asked).toMatchObject({ class: 'B', subject: { title: 'Apply the retention policy of backup plan hourly' } });
    expect((asked.preview as { remove: string[] }).remove).toHaveLength(1);

    // the background stops; 1.5× the hourly interval later the plan is stale, announced once
    await core.background.stop();
    clock!.advance(91 * 60_000);
    expect(core.backups.schedules.announceStale()).toEqual(['hourly']);
    expect(core.backups.schedules.announceStale()).toEqual([]);
    expect(stale).toEqual([expect.objectContaining({ plan: 'hourly', intervalMs: 3_600_000, schedule: { cron: '0 * * * *', timezone: 'UTC' }, ageMs: expect.any(Number) })]);
    expect(stale[0]!.ageMs).toBeGreaterThan(1.5 * 3_600_000);
  }, 60_000);

  it('a removed plan leaves the scheduler; a plan without a schedule is never stale', async () => {
    t = backupTestCore({ manual: true });
    const { core, clock } = t;
    await core.backups.add(t.plan('manual'));
    await core.backups.add(t.plan('gone', { schedule: '*/5 * * * *', timezone: 'UTC' }));
    core.background.start();
    await t.timer!.advance(1_000);
    expect(core.db.prepare("SELECT COUNT(*) AS n FROM schedule_state WHERE workflow_id LIKE 'backup:%'").get()).toEqual({ n: 1 });
    core.backups.remove('gone');
    expect(core.db.prepare("SELECT COUNT(*) AS n FROM schedule_state WHERE workflow_id LIKE 'backup:%'").get()).toEqual({ n: 0 });
    clock!.advance(30 * 24 * 3_600_000);
    expect(core.backups.schedules.announceStale()).toEqual([]);
  });
});
