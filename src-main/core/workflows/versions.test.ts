import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import { join } from 'node:path';
import { WorkflowStore } from './store/workflow-store';
import { testCore, type TestCore } from '../../../tests/helpers/workflows/core';
import { wf } from '../../../tests/helpers/workflows/documents';

let t: TestCore;
afterEach(() => t?.cleanup());

/** A second connection on the core's own SQLite file, as another process would see it. */
function inspect(t: TestCore): WorkflowStore {
  const db = new Database(join(t.dir, 'levqor.db'), { readonly: true });
  opened.push(db);
  return new WorkflowStore(db);
}
const opened: Database.Database[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

const step = (id: string, expression = '1') => ({ id, type: 'transform', params: { expression } });

describe('workflow drafts', () => {
  it('keeps an invalid document as written, lists its problems and never runs it', async () => {
    t = testCore();
    const raw = { name: 'Half done', trigger: { type: 'cron', expr: '0 9 * * *' }, nodes: [step('a'), { id: 'b', type: 'no.such.step', params: { x: 1 } }], edges: [{ from: 'a', to: 'b' }] };
    expect(() => t.core.workflows.save(undefined, raw)).toThrow(/nodes\[1\]\.type/);
    expect(t.core.workflows.list()).toEqual([]);

    const saved = t.core.workflows.save(undefined, raw, undefined, true);
    expect(saved).toMatchObject({ name: 'Half done', draft: true, version: 1, steps: 2, triggerType: 'cron' });
    expect(saved.problems).toBeGreaterThan(0);
    expect(saved.nextFireAt).toBeUndefined();

    const detail = t.core.workflows.get(saved.id);
    expect(detail.workflow).toEqual(raw); // as written: no defaults applied, unknown step kept
    expect(detail.problems[0]).toEqual({ path: 'nodes[1].type', message: expect.stringContaining('no.such.step') });

    await expect(t.core.workflows.run({ id: saved.id })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/is a draft.*nodes\[1\]\.type/) });
    expect(() => t.core.workflows.schedulePreview({ id: saved.id, count: 5 })).toThrow(/is a draft/);
    // exported as written, problems listed: importing the file opens it as a draft again
    const exported = t.core.workflows.export(saved.id);
    expect(exported).toMatchObject({ workflow: raw, draft: true, problems: [expect.objectContaining({ path: 'nodes[1].type' })] });
    expect(JSON.parse(exported.json)).toEqual(raw);
    expect(inspect(t).enabledWithTrigger('cron')).toEqual([]);
  });

  it('becomes a normal workflow (trigger active) once saved valid', () => {
    t = testCore();
    const draft = t.core.workflows.save(undefined, { name: 'Later', trigger: { type: 'cron', expr: 'not cron' }, nodes: [step('a')] }, undefined, true);
    expect(draft.draft).toBe(true);
    const fixed = t.core.workflows.save(draft.id, wf([step('a')], [], { name: 'Later', trigger: { type: 'cron', expr: '0 9 * * *' } }), undefined, true);
    expect(fixed).toMatchObject({ draft: false, problems: 0, version: 2, nextFireAt: expect.any(Number) });
    expect(t.core.workflows.get(draft.id).problems).toEqual([]);
    expect(inspect(t).enabledWithTrigger('cron').map((r) => r.id)).toEqual([draft.id]);
  });

  it('refuses a draft that is not a JSON object and stores nothing', () => {
    t = testCore();
    expect(() => t.core.workflows.save(undefined, [1, 2], undefined, true)).toThrow(/workflow: must be a JSON object/);
    expect(t.core.workflows.list()).toEqual([]);
  });
});

describe('workflow versions', () => {
  it('adds a version on every import, save and restore; restores an earlier one as the newest', () => {
    t = testCore();
    const { id } = t.core.workflows.import(wf([step('a', '1')], [], { name: 'V' }));
    t.clock.advance(1000);
    t.core.workflows.save(id, wf([step('a', '2')], [], { name: 'V two' }));
    t.clock.advance(1000);
    t.core.workflows.save(id, { name: 'V broken', trigger: { type: 'manual' }, nodes: [] }, undefined, true);

    const versions = t.core.workflows.versions(id);
    expect(versions.map((v) => [v.version, v.name, v.draft])).toEqual([
      [3, 'V broken', true],
      [2, 'V two', false],
      [1, 'V', false],
    ]);
    expect(versions[0]!.problems).toBe(1);
    expect(t.core.workflows.getVersion(id, 1)).toMatchObject({ version: 1, draft: false, problems: [], workflow: { name: 'V', nodes: [{ id: 'a', params: { expression: '1' } }] } });

    const restored = t.core.workflows.restoreVersion(id, 1);
    expect(restored).toMatchObject({ version: 4, draft: false, name: 'V' });
    expect(t.core.workflows.get(id).workflow).toMatchObject({ name: 'V', nodes: [{ params: { expression: '1' } }] });
    expect(t.core.workflows.restoreVersion(id, 3)).toMatchObject({ version: 5, draft: true });

    expect(() => t.core.workflows.getVersion(id, 9)).toThrow(/version: .* has no version 9/);
    expect(() => t.core.workflows.versions('nope')).toThrow(/no workflow has id "nope"/);
    t.core.workflows.delete(id);
    expect(inspect(t).db.prepare('SELECT COUNT(*) AS n FROM workflow_versions').get()).toEqual({ n: 0 });
  });

  it('migrates workflows stored before versions into version 1 of their history', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.filter((m) => m.version < 6));
    db.prepare("INSERT INTO workflow_definitions (id, document, created_at) VALUES ('d1', '{\"name\":\"Old\"}', 5)").run();
    db.prepare("INSERT INTO workflows (id, name, definition_id, trigger_type, created_at, updated_at) VALUES ('w1', 'Old', 'd1', 'manual', 5, 7)").run();
    migrate(db);
    expect(db.prepare('SELECT draft, version FROM workflows').get()).toEqual({ draft: 0, version: 1 });
    expect(db.prepare('SELECT workflow_id, version, saved_at, name, draft, document, problems FROM workflow_versions').all()).toEqual([
      { workflow_id: 'w1', version: 1, saved_at: 7, name: 'Old', draft: 0, document: '{"name":"Old"}', problems: '[]' },
    ]);
    db.close();
  });
});
