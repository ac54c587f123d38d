import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../../tests/helpers/workflows/core';
import { wf } from '../../../../tests/helpers/workflows/documents';

let t: TestCore;
afterEach(() => t?.cleanup());

describe('transform', () => {
  it('outputs the value of a JSONata expression over trigger, input and earlier steps', async () => {
    t = testCore();
    const doc = wf(
      [
        { id: 'first', type: 'transform', params: { expression: "{ 'ids': input.orders.id, 'sum': $sum(input.orders.total) }" } },
        { id: 'second', type: 'transform', params: { expression: "{ 'count': $count(steps.first.output.ids), 'sum': steps.first.output.sum, 'same': trigger = input }" } },
      ],
      [{ from: 'first', to: 'second' }],
    );
    const r = await t.core.workflows.run({ workflow: doc, input: { orders: [{ id: 'a', total: 2 }, { id: 'b', total: 3 }] }, wait: true });
    expect(r.output).toEqual({ count: 2, sum: 5, same: true });
  });

  it('fails the run (not the process) on a runaway expression', async () => {
    t = testCore();
    const doc = wf([{ id: 'loop', type: 'transform', params: { expression: '($f := function($n) { $n <= 0 ? 0 : 1 + $f($n - 1) }; $f(1000000))' }, retry: { maxAttempts: 3 } }]);
    const r = await t.core.workflows.run({ workflow: doc, wait: true });
    expect(r.status).toBe('failed');
    expect(r.error).toMatchObject({ code: 'EXPRESSION', nodeId: 'loop' });
    expect(r.steps).toEqual([{ id: 'loop', status: 'failed', attempts: 1 }]); // non-retriable
  });

  it('outputs null for an expression that matches nothing', async () => {
    t = testCore();
    const r = await t.core.workflows.run({ workflow: wf([{ id: 'x', type: 'transform', params: { expression: 'nothing.here' } }]), wait: true });
    expect(r.status).toBe('succeeded');
    expect(r.output).toBeNull();
  });
});
