import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../../tests/helpers/workflows/core';
import { wf } from '../../../../tests/helpers/workflows/documents';

let t: TestCore;
afterEach(() => t?.cleanup());

describe('notify.founder', () => {
  it('emits founder.notified and records it in the run log', async () => {
    t = testCore();
    const seen: unknown[] = [];
    t.core.events.subscribe((name, payload) => {
      if (name === 'founder.notified') seen.push(payload);
    });
    const doc = wf([{ id: 'tell', type: 'notify.founder', params: { title: 'Order {{ input.id }}', body: 'paid', level: 'success' } }]);
    const r = await t.core.workflows.run({ workflow: doc, input: { id: 9 }, wait: true });
    expect(seen).toEqual([expect.objectContaining({ runId: r.runId, nodeId: 'tell', title: 'Order 9', body: 'paid', level: 'success' })]);
    const id = (seen[0] as { id: string }).id;
    expect(r.output).toEqual({ notificationId: id });
    expect(t.core.runs.get(r.runId).logs[0]).toMatchObject({ level: 'info', message: 'notify: Order 9' });
  });
});
