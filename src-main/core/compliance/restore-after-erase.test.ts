import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useRestartableCore } from '../../../tests/helpers/backups/restartable-core';

// A restore never brings an erased person back: real restic, a real restart around the swap.

const held = useRestartableCore('levqor-erase-restore-', 'f'.repeat(64));
const { root, holder } = held;

const emails = () => (held.core.db.prepare('SELECT email FROM pipeline_items ORDER BY id').all() as { email: string }[]).map((r) => r.email);

describe('erasure and the backups of the app\u2019s data', () => {
  it('re-applies an erasure recorded after the snapshot when the app\u2019s data is restored from it', async () => {
    const { core } = held;
    const lead = core.db.prepare("INSERT INTO pipeline_items (kind, id, created_at, remote_updated_at, email, name, notes, stage, stage_times, pulled_at) VALUES ('lead', ?, 1, 1, ?, ?, ?, 'new', '{}', 1)");
    lead.run('a', 'ada@example.com', 'Ada', 'called ada@example.com');
    lead.run('g', 'grace@example.com', 'Grace', null);
    await core.backups.add({ name: 'levqor', repo: join(root, 'repo'), password: 'pw-erase-1', sources: [{ kind: 'app' }], excludes: [], retention: { keepLast: 5 } });
    const before = await core.backups.run('levqor', true);
    expect(before.status).toBe('succeeded');

    const filed = await core.compliance.file({ email: 'ada@example.com', kind: 'erase', law: 'gdpr', source: 'app' });
    core.approvals.approve(filed.approvalId!, { by: 'founder' });
    await core.approvals.settled();
    expect(core.compliance.get(filed.id)).toMatchObject({ status: 'answered', proof: { passed: true } });
    expect(emails()).toEqual(['grace@example.com']);
    // a backup after the erasure holds nobody erased
    const after = await core.backups.run('levqor', true);
    expect(after.status).toBe('succeeded');

    await core.backups.restoreApp('levqor', before.snapshotId!, holder);
    // the snapshot had Ada; the reopened core erased her again from the ledger beside the database
    expect(emails()).toEqual(['grace@example.com']);
    expect(JSON.stringify(held.core.db.prepare('SELECT * FROM pipeline_items').all())).not.toContain('ada@');
  }, 120_000);
});
