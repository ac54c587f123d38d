import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../../tests/helpers/workflows/core';
import { wf } from '../../../../tests/helpers/workflows/documents';

let t: TestCore;
afterEach(() => t?.cleanup());

describe('log', () => {
  it('writes a line with level and data to the run log', async () => {
    t = testCore();
    const doc = wf([{ id: 'say', type: 'log', params: { message: 'hello {{ input.who }}', level: 'warn', data: { who: '{{ input.who }}' } } }]);
    const r = await t.core.workflows.run({ workflow: doc, input: { who: 'Ada' }, wait: true });
    const logs = t.core.runs.get(r.runId).logs;
    expect(logs).toEqual([{ at: t.clock.now(), nodeId: 'say', level: 'warn', message: 'hello Ada', data: { who: 'Ada' } }]);
  });
});
