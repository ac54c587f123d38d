import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupTestCore, type BackupTestCore } from '../../../../tests/helpers/backups/backup-core';
import { wf } from '../../../../tests/helpers/workflows/documents';

let t: BackupTestCore;
beforeAll(async () => {
  t = backupTestCore({ stage: 'post-launch' });
  await t.core.backups.add(t.plan('docs'));
});
afterAll(() => t?.cleanup());

describe('backup.run and backup.check', () => {
  it('back up a plan (by name or id) and check its repository, each outputting the operation row', async () => {
    const { core } = t;
    const id = core.backups.plan('docs').id;
    const doc = wf([
      { id: 'backup', type: 'backup.run', params: { plan: 'docs' } },
      { id: 'check', type: 'backup.check', params: { plan: id } },
    ]);
    const r = await core.workflows.run({ workflow: doc, input: {}, wait: true });
    expect(r.status).toBe('succeeded');
    const run = core.runs.get(r.runId);
    const outputs = Object.fromEntries(run.steps.map((n) => [n.id, n.output]));
    expect(outputs.backup).toMatchObject({ kind: 'backup', status: 'succeeded', plan: 'docs', snapshotId: expect.any(String) });
    expect(outputs.check).toMatchObject({ kind: 'check', status: 'succeeded', plan: 'docs' });
    expect(outputs.check).not.toHaveProperty('log');
  }, 60_000);

  it('a plan that does not exist fails the step at once, naming it', async () => {
    const r = await t.core.workflows.run({ workflow: wf([{ id: 'backup', type: 'backup.run', params: { plan: 'nope' } }]), input: {}, wait: true });
    expect(r).toMatchObject({ status: 'failed', error: { code: 'NOT_FOUND', message: expect.stringContaining('there is no backup plan called nope') } });
  });

  it('both are Class A and on the step list', () => {
    const types = t.core.engine.registry.describe().map((s) => [s.type, s.class]);
    expect(types).toContainEqual(['backup.run', 'A']);
    expect(types).toContainEqual(['backup.check', 'A']);
  });
});
