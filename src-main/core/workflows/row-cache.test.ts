import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { testCore, type TestCore } from '../../../tests/helpers/workflows/core';
import { wf } from '../../../tests/helpers/workflows/documents';

let t: TestCore;
afterEach(() => t?.cleanup());

/** Another connection's commit is seen from the next event-loop turn (see WorkflowStore.rows). */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const calc = (expression: string) => wf([{ id: 'calc', type: 'transform', params: { expression } }]);

/** WorkflowStore caches rows between runs: every change, here or in another process, must still be seen. */
describe('workflow row cache', () => {
  it('sees a save, an enable switch and a delete made in this process', async () => {
    t = testCore();
    const { id } = t.core.workflows.import(calc('1'));
    expect((await t.core.workflows.run({ id, wait: true })).output).toBe(1);
    t.core.workflows.save(id, calc('2'));
    expect((await t.core.workflows.run({ id, wait: true })).output).toBe(2);
    t.core.workflows.setEnabled(id, false);
    expect(t.core.workflows.get(id).enabled).toBe(false);
    t.core.workflows.delete(id);
    await expect(t.core.workflows.run({ id, wait: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('sees a save and a delete committed by another process on the same file', async () => {
    t = testCore();
    const { id } = t.core.workflows.import(calc('1'));
    expect((await t.core.workflows.run({ id, wait: true })).output).toBe(1);
    const other = t.reopen();
    other.workflows.save(id, { ...calc('3'), name: 'Edited elsewhere' });
    await nextTurn();
    expect(t.core.workflows.get(id).name).toBe('Edited elsewhere');
    expect((await t.core.workflows.run({ id, wait: true })).output).toBe(3);
    other.workflows.setEnabled(id, false);
    await nextTurn();
    expect(t.core.workflows.get(id).enabled).toBe(false);
    other.workflows.delete(id);
    await nextTurn();
    expect(() => t.core.workflows.get(id)).toThrow(/no workflow has id/);
  });

  it('sees a raw write by another connection (as an older CLI would make it)', async () => {
    t = testCore();
    const { id } = t.core.workflows.import(calc('1'));
    expect(t.core.workflows.get(id).name).toBe('Test workflow');
    const db = new Database(join(t.dir, 'levqor.db'));
    try {
      db.prepare('UPDATE workflows SET name = ? WHERE id = ?').run('Renamed raw', id);
    } finally {
      db.close();
    }
    await nextTurn();
    expect(t.core.workflows.get(id).name).toBe('Renamed raw');
  });

  it('keeps the stored row after a refused save', () => {
    t = testCore();
    const { id } = t.core.workflows.import(calc('1'));
    expect(t.core.workflows.get(id).version).toBe(1);
    // refused: another workflow uses the webhook path
    const hooked = (path: string) => ({ ...calc('1'), trigger: { type: 'webhook', path } });
    t.core.workflows.import(hooked('taken'));
    expect(() => t.core.workflows.save(id, hooked('taken'))).toThrow(/already used/);
    expect(t.core.workflows.get(id)).toMatchObject({ version: 1, triggerType: 'manual' });
  });
});
