import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../../tests/helpers/workflows/core';
import { chain } from '../../../../tests/helpers/workflows/documents';

const simple = chain(
  [
    { id: 'calc', type: 'transform', params: { expression: "{ 'total': input.a + input.b }" } },
    { id: 'say', type: 'log', params: { message: 'total is {{ steps.calc.output.total }}' } },
  ],
  { name: 'Simple' },
);

let t: TestCore;
afterEach(() => t?.cleanup());

describe('runner', () => {
  it('runs manual → transform → log and persists every step', async () => {
    t = testCore();
    const { id } = t.core.workflows.import(simple);
    const result = await t.core.workflows.run({ id, input: { a: 2, b: 3 }, wait: true });
    expect(result.status).toBe('succeeded');
    expect(result.steps).toEqual([
      { id: 'calc', status: 'succeeded', attempts: 1 },
      { id: 'say', status: 'succeeded', attempts: 1 },
    ]);
    const detail = t.core.runs.get(result.runId);
    expect(detail.steps[0]?.output).toEqual({ total: 5 });
    expect(detail.logs.map((l) => l.message)).toEqual(['total is 5']);
    expect(detail.output).toEqual({ message: 'total is 5' });
  });
});
