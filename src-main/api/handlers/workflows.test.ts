import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../dispatcher';
import { dispatcherCall } from '../../../tests/helpers/dispatcher-call';
import { testCore, type TestCore } from '../../../tests/helpers/workflows/core';
import { chain } from '../../../tests/helpers/workflows/documents';

let t: TestCore;
afterEach(() => t?.cleanup());

const doc = chain([
  { id: 'calc', type: 'transform', params: { expression: 'input.n + 1' } },
  { id: 'gate', type: 'approval', params: { message: 'Publish {{ steps.calc.output }}?' } },
  { id: 'say', type: 'log', params: { message: 'published {{ steps.calc.output }}' } },
]);

describe('workflow procedures through the dispatcher', () => {
  it('validates, imports, lists, gets, exports, runs, approves, inspects', async () => {
    t = testCore();
    const api = createDispatcher(t.core);
    const call = dispatcherCall(api);

    expect(await call('workflows.validate', { workflow: doc })).toEqual({ valid: true, errors: [] });
    const bad = await call('workflows.validate', { workflow: { ...doc, nodes: [{ id: 'x', type: 'nope' }], edges: [] } });
    expect(bad).toMatchObject({ valid: false, errors: [{ path: 'nodes[0].type', message: expect.stringContaining('unknown step type') }] });

    const imported = await call('workflows.import', { workflow: doc });
    expect(imported).toEqual({ id: expect.any(String), name: 'Test workflow' });
    const list = await call('workflows.list', {});
    expect(list.workflows).toEqual([expect.objectContaining({ id: imported.id, triggerType: 'manual', enabled: true, steps: 3 })]);
    expect((await call('workflows.get', { id: imported.id })).workflow.nodes).toHaveLength(3);
    const exported = await call('workflows.export', { id: imported.id });
    expect(JSON.parse(exported.json)).toEqual(exported.workflow);

    const run = await call('workflows.run', { id: imported.id, input: { n: 41 }, wait: true });
    expect(run).toEqual({ runId: expect.any(String), status: 'waiting', steps: [{ id: 'calc', status: 'succeeded', attempts: 1 }, { id: 'gate', status: 'waiting', attempts: 0 }] });
    const pending = await call('approvals.list', { status: 'pending' });
    expect(pending.approvals[0]).toMatchObject({ runId: run.runId, message: 'Publish 42?', class: 'C', stage: 'post-launch' });
    const approved = await call('approvals.approve', { id: pending.approvals[0].id, reason: 'go' });
    expect(approved).toMatchObject({ status: 'approved', decidedBy: 'founder', reason: 'go' });
    await t.core.runs.wait(run.runId, { untilEnd: true });

    const detail = await call('runs.get', { id: run.runId });
    expect(detail).toMatchObject({ status: 'succeeded', output: { message: 'published 42' }, approvals: [expect.objectContaining({ status: 'approved' })] });
    expect((await call('runs.list', { workflowId: imported.id })).runs).toHaveLength(1);
    expect(await call('workflows.stats', { id: imported.id })).toMatchObject({ runs: 1, succeeded: 1, successRate: 1 });

    const types = await call('workflows.stepTypes', {});
    const http = types.stepTypes.find((s: { type: string }) => s.type === 'http.request');
    expect(http).toMatchObject({ class: 'B', classNote: expect.any(String), ports: ['out'], defaults: { method: 'GET', timeoutMs: 30000 } });
    expect(http.paramsSchema).toMatchObject({ type: 'object', properties: { url: { type: 'string' } } });
    expect(types.stepTypes.map((s: { type: string }) => s.type)).toEqual(['http.request', 'condition', 'transform', 'delay', 'approval', 'notify.founder', 'log', 'workflow.run', 'backup.run', 'backup.check', 'lead.update', 'stripe.paymentLink', 'ai.generate', 'content.generate', 'telegram.send', 'slack.send', 'stripe.lookup', 'product.compile', 'email.send', 'content.publish']);

    const cron = await call('workflows.import', { workflow: { ...doc, name: 'Daily', trigger: { type: 'cron', expr: '0 9 * * *', timezone: 'Europe/London' } } });
    const preview = await call('schedule.preview', { id: cron.id, count: 2 });
    expect(preview).toMatchObject({ expr: '0 9 * * *', timezone: 'Europe/London', times: [{ iso: '2026-01-05T09:00:00.000Z' }, { iso: '2026-01-06T09:00:00.000Z' }] });
    expect(await call('workflows.delete', { id: cron.id })).toEqual({ deleted: true });
  });

  it('names the path and reason for bad input, and stores nothing', async () => {
    t = testCore();
    const api = createDispatcher(t.core);
    const r = await api.call('workflows.import', { workflow: { ...doc, edges: [{ from: 'calc', to: 'ghost' }] } });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'workflow.edges[0].to', message: expect.stringContaining('workflow.edges[0].to: no node has id "ghost"') } });
    expect(t.core.workflows.list()).toEqual([]);
    expect(await api.call('workflows.run', { input: {} })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'id' } });
    expect(await api.call('runs.get', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await api.call('schedule.preview', { workflow: doc })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'workflow.trigger' } });
  });
});
