import { afterEach, describe, expect, it } from 'vitest';
import { testCore, wf, type TestCore } from '../../../../tests/helpers/workflows/core';
import { truthy } from './condition';

let t: TestCore;
afterEach(() => t?.cleanup());

const branching = wf(
  [
    { id: 'check', type: 'condition', params: { expression: 'input.amount > 100' } },
    { id: 'big', type: 'log', params: { message: 'big' } },
    { id: 'small', type: 'log', params: { message: 'small' } },
    { id: 'after_big', type: 'log', params: { message: 'after big' } },
  ],
  [
    { from: 'check', fromPort: 'true', to: 'big' },
    { from: 'check', fromPort: 'false', to: 'small' },
    { from: 'big', to: 'after_big' },
  ],
);

describe('condition', () => {
  it('takes the true port and skips the false branch (and what follows only it)', async () => {
    t = testCore();
    const r = await t.core.workflows.run({ workflow: branching, input: { amount: 250 }, wait: true });
    expect(r.status).toBe('succeeded');
    const byId = Object.fromEntries(r.steps.map((s) => [s.id, s.status]));
    expect(byId).toEqual({ check: 'succeeded', big: 'succeeded', small: 'skipped', after_big: 'succeeded' });
    expect(t.core.runs.get(r.runId).steps.find((s) => s.id === 'check')).toMatchObject({ port: 'true', output: { result: true } });
  });

  it('takes the false port', async () => {
    t = testCore();
    const r = await t.core.workflows.run({ workflow: branching, input: { amount: 5 }, wait: true });
    const byId = Object.fromEntries(r.steps.map((s) => [s.id, s.status]));
    expect(byId).toEqual({ check: 'succeeded', big: 'skipped', small: 'succeeded', after_big: 'skipped' });
    expect(r.output).toEqual({ message: 'small' });
  });

  it('accepts the expression as a {{ }} template too', async () => {
    t = testCore();
    const doc = wf([{ id: 'c', type: 'condition', params: { expression: '{{ input.ok }}' } }, { id: 'yes', type: 'log', params: { message: 'y' } }], [{ from: 'c', fromPort: 'true', to: 'yes' }]);
    const r = await t.core.workflows.run({ workflow: doc, input: { ok: true }, wait: true });
    expect(r.steps.map((s) => s.status)).toEqual(['succeeded', 'succeeded']);
  });

  it('a join runs when any live branch reaches it', async () => {
    t = testCore();
    const doc = wf(
      [
        { id: 'c', type: 'condition', params: { expression: 'input.x' } },
        { id: 'a', type: 'transform', params: { expression: "'A'" } },
        { id: 'b', type: 'transform', params: { expression: "'B'" } },
        { id: 'join', type: 'log', params: { message: 'a={{ steps.a.output }} b={{ steps.b.output }}' } },
      ],
      [
        { from: 'c', fromPort: 'true', to: 'a' },
        { from: 'c', fromPort: 'false', to: 'b' },
        { from: 'a', to: 'join' },
        { from: 'b', to: 'join' },
      ],
    );
    const r = await t.core.workflows.run({ workflow: doc, input: { x: false }, wait: true });
    expect(r.output).toEqual({ message: 'a= b=B' });
  });

  it('uses JSONata-like truthiness', () => {
    expect([truthy(0), truthy(''), truthy([]), truthy({}), truthy(null), truthy(undefined), truthy([0, false])]).toEqual([false, false, false, false, false, false, false]);
    expect([truthy(1), truthy('x'), truthy([0, 1]), truthy({ a: 1 }), truthy(true)]).toEqual([true, true, true, true, true]);
  });
});
