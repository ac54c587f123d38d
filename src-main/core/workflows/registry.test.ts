import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { StepRegistry } from './registry';
import { defineStep, stepParams } from './step';

const described = new StepRegistry().describe();
const ui = (type: string) => described.find((s) => s.type === type)?.ui ?? {};

describe('step registry', () => {
  it('gives every param hint the widget its schema implies when the step names none', () => {
    expect(ui('log')).toMatchObject({ message: { widget: 'text' }, level: { widget: 'select' }, data: { widget: 'json' } });
    expect(ui('http.request')).toMatchObject({
      method: { widget: 'select' },
      url: { widget: 'text' },
      headers: { widget: 'keyvalue' },
      body: { widget: 'json' },
      timeoutMs: { widget: 'number' },
      failOnStatus: { widget: 'boolean' },
    });
  });

  it('keeps a widget a step names, whatever its schema implies', () => {
    expect(ui('notify.founder').body).toEqual({ label: 'Message', widget: 'textarea' });
    expect(ui('delay').until).toMatchObject({ widget: 'text' });
    expect(ui('workflow.run').workflowId).toMatchObject({ widget: 'workflow' });
  });

  it('defineStep: one port `out` unless the step names its ports; an internal step is Class A', () => {
    const step = defineStep({ type: 't', title: 'T', description: 'd', internal: true, params: stepParams({}), ui: {}, execute: () => ({ output: null }) });
    expect(step).toMatchObject({ class: 'A', internal: true, ports: ['out'] });
    expect(described.find((s) => s.type === 'condition')).toMatchObject({ class: 'A', ports: ['true', 'false'] });
  });

  it('stepParams refuses a param the step does not have', () => {
    const r = stepParams({ a: z.string() }).safeParse({ a: 'x', b: 1 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['b'] });
  });
});
