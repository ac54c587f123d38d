import { describe, expect, it } from 'vitest';
import { dataDirBefore } from '../../../tests/helpers/data-dir-before';
import { migrate } from './migrate';
import { ApprovalStore } from '../approvals';

describe('migration 7 (approval subjects)', () => {
  it('keeps existing approvals, audit rows and uploads; step approvals keep their FK to runs', () => {
    const { db } = dataDirBefore(7);
    db.prepare("INSERT INTO workflow_definitions (id, document, created_at) VALUES ('d1', '{}', 1)").run();
    db.prepare("INSERT INTO runs (id, workflow_name, definition_id, trigger, status, created_at, updated_at) VALUES ('r1', 'Refund', 'd1', 'manual', 'waiting', 1, 1)").run();
    db.prepare(
      `INSERT INTO approvals (id, run_id, node_id, workflow_id, workflow_name, step_type, class, stage, message, preview, status, requested_by, requested_at, expires_at, on_timeout)
       VALUES ('a1', 'r1', 'gate', NULL, 'Refund', 'approval', 'C', 'pre-launch', 'refund?', '{"x":1}', 'pending', 'workflow', 5, NULL, 'reject')`,
    ).run();
    db.prepare(
      `INSERT INTO workflow_audit (at, run_id, node_id, workflow_id, step_type, class, stage, mode, decision, approval_id, attempt, detail)
       VALUES (6, 'r1', 'gate', NULL, 'approval', 'C', 'pre-launch', 'blocked', 'rejected', 'a1', 1, NULL)`,
    ).run();
    db.prepare(
      `INSERT INTO product_uploads (id, slug, version, zip_path, sha256, bytes, status, plan, created_at, updated_at)
       VALUES ('u1', 'p', '1.0.0', '/z.zip', 'abc', 10, 'needs-approval', '{}', 1, 1)`,
    ).run();

    migrate(db);
    expect(new ApprovalStore(db).get('a1')).toMatchObject({
      subject: { kind: 'step', ref: 'r1/gate', title: 'Refund › gate' },
      runId: 'r1',
      nodeId: 'gate',
      workflowName: 'Refund',
      preview: { x: 1 },
      status: 'pending',
      outcome: null,
    });
    expect(db.prepare('SELECT subject_kind, subject_ref, run_id, decision FROM workflow_audit').all()).toEqual([{ subject_kind: 'step', subject_ref: 'r1/gate', run_id: 'r1', decision: 'rejected' }]);
    expect(db.prepare('SELECT id, status, approval_id FROM product_uploads').all()).toEqual([{ id: 'u1', status: 'needs-approval', approval_id: null }]);
    // the FK to runs still holds, and a step approval still needs its run and node
    db.prepare("DELETE FROM runs WHERE id = 'r1'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM approvals').get()).toEqual({ n: 0 });
    expect(() =>
      db
        .prepare("INSERT INTO approvals (id, subject_kind, subject_ref, subject_title, step_type, class, stage, message, status, requested_by, requested_at, on_timeout) VALUES ('a2', 'step', 'x', 'x', 'log', 'C', 'pre-launch', 'm', 'pending', 'w', 1, 'reject')")
        .run(),
    ).toThrow(/CHECK constraint/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
