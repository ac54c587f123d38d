import { describe, expect, it } from 'vitest';
import { stepClassOf } from '../../../shared/step-class';
import { testCore } from '../../../tests/helpers/workflows/core';
import { wf } from '../../../tests/helpers/workflows/documents';
import { serverPerTest } from '../../../tests/helpers/workflows/server-per-test';
import { StepRegistry } from './registry';

const registry = new StepRegistry();
const info = (type: string) => registry.describe().find((s) => s.type === type)!;
const def = (type: string) => registry.get(type)!;

describe('a step’s class: one rule for the editor, the validator and the runner', () => {
  it('reads the class from the params through the type’s classBy, defaults included', () => {
    const http = info('http.request');
    expect(http.classBy).toEqual({ param: 'method', classes: { GET: 'A', HEAD: 'A' } });
    expect(stepClassOf(http, {})).toBe('A');
    expect(stepClassOf(http, { method: 'GET' })).toBe('A');
    expect(stepClassOf(http, { method: 'HEAD' })).toBe('A');
    expect(stepClassOf(http, { method: 'POST' })).toBe('B');
    // only known at run time, or not a method: the type's own class
    expect(stepClassOf(http, { method: '{{ input.method }}' })).toBe('B');
    expect(stepClassOf(http, { method: 'get' })).toBe('B');
    expect(stepClassOf(http, null)).toBe('A');
    // a workflow raises a class, never lowers it
    expect(stepClassOf(http, { method: 'GET' }, 'C')).toBe('C');
    expect(stepClassOf(http, { method: 'POST' }, 'A')).toBe('B');
    expect(stepClassOf(http, { method: 'GET' }, 'nonsense')).toBe('A');
    expect(stepClassOf(info('approval'), {})).toBe('C');
    expect(stepClassOf(info('log'), {}, 'B')).toBe('B');
  });

  it('the registry (validator, runner) answers as stepClassOf does over workflows.stepTypes', () => {
    for (const params of [{}, { method: 'GET' }, { method: 'DELETE' }, { method: '{{ x }}' }, { url: 'not a url' }]) {
      for (const raise of [undefined, 'A', 'B', 'C'] as const) {
        expect(registry.classOf(def('http.request'), params, raise)).toBe(stepClassOf(info('http.request'), params, raise));
      }
    }
  });

  const http = serverPerTest(() => undefined);

  it('a GET request is Class A in the validator and in the run; a POST is B (a lower class is refused)', async () => {
    const t = testCore({ stage: 'pre-launch' });
    try {
      const get = wf([{ id: 'fetch', type: 'http.request', params: { url: `${http.server.url}/x` } }]);
      expect(t.core.workflows.validate(get).valid).toBe(true);
      const r = await t.core.workflows.run({ workflow: get, wait: true });
      expect(t.core.runs.get(r.runId).steps[0]).toMatchObject({ id: 'fetch', class: 'A', mode: 'real', status: 'succeeded' });
      const lowered = wf([{ id: 'send', type: 'http.request', class: 'A', params: { method: 'POST', url: `${http.server.url}/x` } }]);
      expect(t.core.workflows.validate(lowered).errors).toEqual([
        { path: 'nodes[0].class', message: 'is A, lower than class B of a http.request step like this one (a workflow may raise a class, never lower it)' },
      ]);
    } finally {
      t.cleanup();
    }
  });
});
