import { afterEach, describe, expect, it } from 'vitest';
import { checkTriggerInput } from '../../../shared/trigger-input';
import { testCore, type TestCore } from '../../../tests/helpers/workflows/core';
import { chain, wf } from '../../../tests/helpers/workflows/documents';

let t: TestCore;
afterEach(() => t?.cleanup());

/** manual (order: text, required; amount: number, default 0) → log "Refund order … for $…?". */
const refund = chain(
  [
    { id: 'say', type: 'log', params: { message: 'Refund order {{ input.order }} for ${{ input.amount }}?' } },
  ],
  { name: 'Refund', trigger: { type: 'manual', input: { order: { type: 'text', label: 'Order id', required: true }, amount: { type: 'number', default: 0 } } } },
);

describe('manual trigger input', () => {
  it('checks a run’s input against the fields: required, types, unknown fields; fills defaults', () => {
    const fields = { order: { type: 'text' as const, required: true }, amount: { type: 'number' as const, required: false, default: 0 }, vip: { type: 'boolean' as const, required: false } };
    expect(checkTriggerInput(fields, { order: 'A-1' })).toEqual({ ok: true, value: { order: 'A-1', amount: 0 } });
    expect(checkTriggerInput(fields, { order: 'A-1', amount: 12.5, vip: true })).toEqual({ ok: true, value: { order: 'A-1', amount: 12.5, vip: true } });
    expect(checkTriggerInput(fields, { amount: 'lots', ordr: 'A-1' })).toEqual({
      ok: false,
      problems: [
        { path: 'input.order', message: 'is required' },
        { path: 'input.amount', message: 'must be a number' },
        { path: 'input.ordr', message: "is not a field of this workflow's input (its fields: order, amount, vip)" },
      ],
    });
    expect(checkTriggerInput(fields, [1])).toMatchObject({ ok: false, problems: [{ path: 'input', message: 'must be an object with the fields order, amount, vip' }] });
    // no fields: any input as given
    expect(checkTriggerInput(undefined, [1, 2])).toEqual({ ok: true, value: [1, 2] });
  });

  it('the file format validates the fields by path', () => {
    t = testCore();
    const bad = { ...refund, trigger: { type: 'manual', input: { 'bad name': { type: 'text' }, amount: { type: 'money' }, n: { type: 'number', default: 'x' } } } };
    expect(t.core.workflows.validate(bad).errors).toEqual(
      expect.arrayContaining([
        { path: 'trigger.input["bad name"]', message: 'a field name must start with a letter or _ and use only letters, digits and _ (at most 64)' },
        { path: 'trigger.input.amount.type', message: 'must be one of text, number, boolean, json' },
        { path: 'trigger.input.n.default', message: "must be a number, as the field's type is number" },
      ]),
    );
    expect(t.core.workflows.validate(refund).valid).toBe(true);
  });

  it('workflows.run refuses input that does not fit, naming the field; defaults reach the steps', async () => {
    t = testCore();
    const { id } = t.core.workflows.import(refund);
    expect(() => t.core.workflows.startRun({ id, input: {} })).toThrow(/^input\.order: is required$/);
    expect(() => t.core.workflows.startRun({ id, input: { order: 5 } })).toThrow(/^input\.order: must be text$/);
    expect(t.core.runs.list({ limit: 5 })).toEqual([]);
    const r = await t.core.workflows.run({ id, input: { order: 'A-1042' }, wait: true });
    expect(r.status).toBe('succeeded');
    expect(t.core.runs.get(r.runId)).toMatchObject({ input: { order: 'A-1042', amount: 0 }, logs: [expect.objectContaining({ message: 'Refund order A-1042 for $0?' })] });
  });

  it('a template naming a missing value fails its step with MISSING_VALUE, naming the param and path', async () => {
    t = testCore();
    const r = await t.core.workflows.run({ workflow: wf([{ id: 'say', type: 'log', params: { message: 'Refund order {{ input.order }}?' } }]), input: {}, wait: true });
    expect(r.status).toBe('failed');
    expect(r.error).toMatchObject({ code: 'MISSING_VALUE', nodeId: 'say', message: 'params.message: {{ input.order }} is missing: input has no "order" (give a default with {{ input.order ?? "…" }})' });
  });

  it('a child run’s input is checked against the child’s fields: the parent step fails, naming the field', async () => {
    t = testCore();
    const child = t.core.workflows.import(refund);
    const r = await t.core.workflows.run({ workflow: wf([{ id: 'kid', type: 'workflow.run', params: { workflowId: child.id, input: { amount: 3 } } }]), wait: true });
    expect(r.status).toBe('failed');
    expect(r.error).toMatchObject({ code: 'BAD_INPUT', message: 'the child workflow "Refund" refused its input: input.order: is required' });
  });
});
