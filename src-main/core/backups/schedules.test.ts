import { rmSync, writeFileSync } from 'node:fs';
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

describe('a plan\u2019s own run policy', () => {
  const backups = (name: string) => t!.core.backups.history(name, 20).filter((o) => o.kind === 'backup');

  it('a failed scheduled backup is tried again as often as its plan says, after its plan\u2019s delay', async () => {
    t = backupTestCore();
    const { core } = t;
    await core.backups.add(t.plan('twice', { retries: 1, retryDelay: '1s' }));
    await core.backups.add(t.plan('once', { retries: 0 }));
    // the folder both back up is gone: every try fails at once
    rmSync(t.folder, { recursive: true });
    const started = Date.now();
    expect(await core.backups.schedules.backupWithRetry('twice')).toMatchObject({ status: 'failed' });
    // the wait is the plan's delay with jitter: between half of it and all of it
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(backups('twice').map((o) => o.status)).toEqual(['failed', 'failed']);
    expect(await core.backups.schedules.backupWithRetry('once')).toMatchObject({ status: 'failed' });
    expect(backups('once')).toHaveLength(1);
  }, 60_000);

  it('overlap queue runs a fire that came during the last backup once it ends; skip drops it', async () => {
    t = backupTestCore({ manual: true });
    const { core, timer } = t;
    // enough to read that the first backup still runs when the next minute fires
    writeFileSync(join(t.folder, 'big.bin'), randomBytes(30 * 1024 * 1024));
    await core.backups.add(t.plan('skipper', { schedule: '* * * * *', timezone: 'UTC' }));
    await core.backups.add(t.plan('queuer', { schedule: '* * * * *', timezone: 'UTC', overlap: 'queue' }));
    core.background.start();
    await timer!.advance(60_000);
    expect(backups('skipper')[0]).toMatchObject({ status: 'running' });
    await timer!.advance(60_000);
    await expect.poll(() => backups('queuer').filter((o) => o.status === 'succeeded').length, { timeout: 30_000 }).toBe(2);
    await core.backups.schedules.settled();
    expect(backups('skipper').map((o) => o.status)).toEqual(['succeeded']);
  }, 60_000);

  it('catch-up none lets the fires missed while the app was closed go; latest runs the newest once', async () => {
    t = backupTestCore({ manual: true });
    const { timer, clock } = t;
    await t.core.backups.add(t.plan('latest', { schedule: '0 * * * *', timezone: 'UTC' }));
    await t.core.backups.add(t.plan('none', { schedule: '0 * * * *', timezone: 'UTC', catchUp: 'none' }));
    t.core.background.start();
    await timer!.advance(1_000);
    // closed for three and a half hours: three fires missed, none of them on time now
    const core = t.restart();
    clock!.advance(3.5 * 3_600_000);
    core.background.start();
    await timer!.advance(1_000);
    await core.backups.schedules.settled();
    expect(backups('latest').map((o) => o.status)).toEqual(['succeeded']);
    expect(backups('none')).toEqual([]);
  }, 60_000);

  it('a plan edited to another schedule is planned again at once', async () => {
    t = backupTestCore({ manual: true });
    const { core, timer } = t;
    await core.backups.add(t.plan('daily', { schedule: '0 3 * * *', timezone: 'UTC' }));
    core.background.start();
    await timer!.advance(1_000);
    expect(core.backups.page.plan('daily').nextRun).toBe(Date.UTC(2026, 0, 6, 3, 0, 0));
    core.backups.update({ plan: 'daily', schedule: '30 8 * * *' });
    expect(core.backups.page.plan('daily').nextRun).toBe(Date.UTC(2026, 0, 5, 8, 30, 0));
    await timer!.advance(30 * 60_000);
    await core.backups.schedules.settled();
    expect(backups('daily').map((o) => o.status)).toEqual(['succeeded']);
  }, 60_000);
});

describe('backup.stale across a restart', () => {
  it('a stale period announced before the app restarted is not announced again; the next one is', async () => {
    t = backupTestCore({ manual: true });
    const { clock } = t;
    const stale: StalePlanEvent[] = [];
    await t.core.backups.add(t.plan('hourly', { schedule: '0 * * * *', timezone: 'UTC' }));
    clock!.advance(2 * 3_600_000);
    t.core.events.on('backup.stale', (e) => stale.push(e));
    expect(t.core.backups.schedules.announceStale()).toEqual(['hourly']);

    const core = t.restart();
    core.events.on('backup.stale', (e) => stale.push(e));
    expect(core.backups.schedules.announceStale()).toEqual([]);
    // a backup ends the period; the next time it goes stale is a new one
    await core.backups.run('hourly', true);
    clock!.advance(2 * 3_600_000);
    expect(core.backups.schedules.announceStale()).toEqual(['hourly']);
    expect(stale.map((e) => e.lastSuccessAt === null)).toEqual([true, false]);
  }, 60_000);
});
