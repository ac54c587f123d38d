import { describe, expect, it } from 'vitest';
import { dataExpression, template, upstreamIds } from './data-paths';

describe('the expressions the step data panel inserts', () => {
  it('reads a step output or the trigger, with the engine\u2019s syntax', () => {
    expect(template(dataExpression({ step: 'fetch' }, ['body', 'items', 0, 'id']))).toBe('{{ steps.fetch.output.body.items[0].id }}');
    expect(dataExpression('trigger', ['body', 'order'])).toBe('trigger.body.order');
    expect(dataExpression({ step: 'fetch' }, [])).toBe('steps.fetch.output');
  });

  it('puts names that are not plain in backticks (ids with -, keys with spaces)', () => {
    expect(dataExpression({ step: 'get-order' }, ['line items', 'x-y'])).toBe('steps.`get-order`.output.`line items`.`x-y`');
  });
});

describe('upstreamIds', () => {
  it('lists every step that feeds a step, nearest first, each once, through cycles too', () => {
    // a→b→d, a→c→d, d⇄e
    const edges = 'a>b b>d c>d a>c d>e e>d'.split(' ').map((e) => ({ from: e[0], to: e[2] }));
    const doc = { nodes: [], edges };
    expect(upstreamIds(doc, 'd')).toEqual(['b', 'c', 'e', 'a']);
    expect(upstreamIds(doc, 'a')).toEqual([]);
  });
});
