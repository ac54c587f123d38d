import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../../tests/helpers/workflows/core';
import { wf } from '../../../../tests/helpers/workflows/documents';
import { truthy } from './condition';

let t: TestCore;
afterEach(() => t?.cleanup());

const log = (id: string, message: string) => ({ id, type: 'log', params: { message } });

/** A condition `check` on `expression`: its true port leads to `ports.true`, its false port (if given) to `ports.false`; then `nodes` and `edges`. */
function ifElse(expression: string, ports: { true: string; false?: string }, nodes: unknown[], edges: unknown[] = []) {
  const portEdges = Object.entries(ports).map(([port, to]) => ({ from: 'check', fromPort: port, to }));
  return wf([{ id: 'check', type: 'condition', params: { expression } }, ...nodes], [...portEdges, ...edges]);
}

const branching = ifElse('input.amount > 100', { true: 'big', false: 'small' }, [log('big', 'big'), log('small', 'small'), log('after_big', 'after big')], [{ from: 'big', to: 'after_big' }]);

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
    const doc = ifElse('{{ input.ok }}', { true: 'yes' }, [log('yes', 'y')]);
    const r = await t.core.workflows.run({ workflow: doc, input: { ok: true }, wait: true });
    expect(r.steps.map((s) => s.status)).toEqual(['succeeded', 'succeeded']);
  });

  it('a join runs when any live branch reaches it', async () => {
    t = testCore();
    const doc = ifElse(
      'input.x',
      { true: 'a', false: 'b' },
      [
        { id: 'a', type: 'transform', params: { expression: "'A'" } },
        { id: 'b', type: 'transform', params: { expression: "'B'" } },
        // the branch not taken has no output: the template says its default
        log('join', 'a={{ steps.a.output ?? "" }} b={{ steps.b.output ?? "" }}'),
      ],
      [
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
