import { afterEach, describe, expect, it } from 'vitest';
import { backupTestCore, type BackupTestCore } from '../../../tests/helpers/backups/backup-core';

let t: BackupTestCore | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

/** A plan keeping the last snapshot, with three made. */
async function threeSnapshots(stage: 'pre-launch' | 'post-launch') {
  t = backupTestCore({ stage });
  const { core } = t;
  await core.backups.add(t.plan('docs', { retention: { keepLast: 1 } }));
  for (let i = 0; i < 3; i++) expect(await core.backups.run('docs', true)).toMatchObject({ status: 'succeeded' });
  return core;
}

describe('retention with approvals', () => {
  it('pre-launch: asks a Class B approval whose preview is restic\u2019s dry run, removes nothing until approved, and audits each step', async () => {
    const core = await threeSnapshots('pre-launch');
    const asked = await core.backups.forget('docs', false);
    expect(asked).toMatchObject({ dryRun: true, operation: null, approval: { id: expect.any(String), status: 'pending' } });
    expect(asked.groups[0]!.keep).toEqual([expect.objectContaining({ reasons: ['last snapshot'] })]);
    expect(asked.groups[0]!.remove).toHaveLength(2);
    expect((await core.backups.snapshots('docs')).length).toBe(3);
    // asking again returns the same request
    expect((await core.backups.applyRetention('docs')).approval?.id).toBe(asked.approval!.id);
    expect(core.approvals.list({ kind: 'backup.forget', limit: 10 })).toHaveLength(1);

    core.approvals.approve(asked.approval!.id, { by: 'founder', reason: 'ok' });
    await core.approvals.settled();
    const decided = core.approvals.get(asked.approval!.id);
    expect(decided.outcome).toMatchObject({ ok: true, message: expect.stringContaining('removed 2 snapshot(s) of docs') });
    expect((await core.backups.snapshots('docs')).length).toBe(1);
    expect(core.backups.history('docs', 1)[0]).toMatchObject({ kind: 'forget', status: 'succeeded', files: 2 });
    const plan = core.backups.plan('docs');
    expect(core.approvals.auditFor('backup.forget', plan.id).map((a) => [a.mode, a.decision])).toEqual([
      ['dry-run', 'pre-launch'],
      ['real', 'approved'],
    ]);
  }, 60_000);

  it('pre-launch: a rejected request removes nothing, and the refusal is audited', async () => {
    const core = await threeSnapshots('pre-launch');
    const asked = await core.backups.applyRetention('docs');
    core.approvals.reject(asked.approval!.id, { by: 'founder', reason: 'not yet' });
    await core.approvals.settled();
    expect((await core.backups.snapshots('docs')).length).toBe(3);
    const id = core.backups.plan('docs').id;
    expect(core.approvals.auditFor('backup.forget', id).map((a) => a.mode)).toEqual(['dry-run', 'blocked']);
  }, 60_000);

  it('post-launch: forgets and prunes at once, with an audit row before it', async () => {
    const core = await threeSnapshots('post-launch');
    const done = await core.backups.forget('docs', false);
    expect(done).toMatchObject({ dryRun: false, operation: { kind: 'forget', status: 'succeeded', files: 2 } });
    expect(done.approval).toBeUndefined();
    expect((await core.backups.snapshots('docs')).length).toBe(1);
    expect(core.approvals.auditFor('backup.forget', core.backups.plan('docs').id)).toEqual([expect.objectContaining({ mode: 'real', decision: 'not-required', class: 'B', stage: 'post-launch' })]);
  }, 60_000);
});
