import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupOperation } from '../../../shared/contract/backup';
import { backupTestCore, type BackupTestCore } from '../../../tests/helpers/backups/backup-core';

let t: BackupTestCore | undefined;

/** The file of a pack holding only file contents (data blobs), read from the repository's index with restic itself. */
function dataPackOf(repo: string, password: string): string {
  const restic = (...args: string[]) => execFileSync('restic', ['--no-cache', ...args], { env: { ...process.env, RESTIC_REPOSITORY: repo, RESTIC_PASSWORD: password }, encoding: 'utf8' });
  for (const index of restic('list', 'index').split('\n').filter(Boolean)) {
    const { packs } = JSON.parse(restic('cat', 'index', index)) as { packs: { id: string; blobs: { type: string }[] }[] };
    const pack = packs.find((p) => p.blobs.every((b) => b.type === 'data'));
    if (pack) return join(repo, 'data', pack.id.slice(0, 2), pack.id);
  }
  throw new Error('no data pack in the repository');
}
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

describe('Guardian and backups', () => {
  it('a stale plan is a finding that names the plan, its age and its schedule; run_backup_now, once approved, backs it up and the finding goes', async () => {
    t = backupTestCore({ manual: true, stage: 'post-launch' });
    const { core, clock } = t;
    await core.backups.add(t.plan('nightly', { schedule: '0 3 * * *', timezone: 'UTC' }));
    expect(core.guardian.findings().findings.filter((f) => f.kind === 'stale_backup')).toEqual([]);
    const monitor = core.guardian.add({ type: 'internal', check: 'backup' });

    clock!.advance(37 * 3_600_000); // past 1.5 × 24 h since the plan was made, with no backup
    const stale = core.guardian.score().breakdown.find((d) => d.kind === 'stale_backup');
    expect(stale).toMatchObject({ subject: 'nightly', points: 10, cause: 'Backup plan "nightly" is stale: no backup of it has succeeded yet', evidence: expect.stringContaining('schedule 0 3 * * * (UTC) runs every 24 h; stale past 1.5\u00d7 that (36 h)') });
    expect((await core.guardian.checkOne(monitor.id)).lastMessage).toContain('plan nightly is stale (never backed up, schedule 0 3 * * *)');

    const step = core.guardian.healingPlan().steps.find((s) => s.action === 'run_backup_now')!;
    expect(step).toMatchObject({ id: 'run_backup_now:nightly', applicable: true, class: 'A', proposal: { procedure: 'backup.run', input: { plan: 'nightly', wait: true } } });
    const a = core.guardian.requestHealing(step.id);
    expect(core.backups.history('nightly', 10).filter((o) => o.kind === 'backup')).toEqual([]);
    core.approvals.approve(a.id, { by: 'ada' });
    await core.approvals.settled();
    expect(core.approvals.get(a.id).outcome).toMatchObject({ ok: true, message: expect.stringContaining('backup of "nightly" succeeded') });
    expect(core.guardian.findings().findings.filter((f) => f.kind === 'stale_backup')).toEqual([]);
    expect((await core.guardian.checkOne(monitor.id)).state).toBe('UP');
  }, 60_000);

  it('a check that finds problems raises check.failed and is a failed_check finding with a healing step; the backup monitor is DOWN', async () => {
    t = backupTestCore({ stage: 'post-launch' });
    const { core } = t;
    const input = t.plan('docs');
    await core.backups.add(input);
    expect(await core.backups.run('docs', true)).toMatchObject({ status: 'succeeded' });
    const failed: BackupOperation[] = [];
    core.events.on('check.failed', (op) => failed.push(op));
    // a pack of file contents the index names goes missing (a missing tree pack makes restic retry for minutes)
    rmSync(dataPackOf(input.repo, t.password));

    const checked = await core.backups.check('docs');
    expect(checked).toMatchObject({ kind: 'check', status: 'failed' });
    expect(failed).toEqual([expect.objectContaining({ id: checked.id, status: 'failed' })]);
    const finding = core.guardian.score().breakdown.find((d) => d.kind === 'failed_check');
    expect(finding).toMatchObject({ subject: 'docs', points: 10, cause: 'The repository of backup plan "docs" failed its check', evidence: expect.stringContaining(`operation ${checked.id}`) });
    expect(core.guardian.healingPlan().steps.find((s) => s.finding === 'failed_check')).toMatchObject({ action: 'check_backup_repository', applicable: true, proposal: { procedure: 'backup.check', input: { plan: 'docs' } } });
    const monitor = core.guardian.add({ type: 'internal', check: 'backup' });
    expect(await core.guardian.checkOne(monitor.id)).toMatchObject({ state: 'DOWN', lastMessage: expect.stringContaining('plan docs failed its check') });
  }, 60_000);
});
