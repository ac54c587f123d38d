import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../tests/helpers/workflows/core';
import { wf } from '../../../tests/helpers/workflows/documents';

let t: TestCore;
afterEach(() => t?.cleanup());

describe('webhook triggers', () => {
  const hook = (respond: string) => ({ ...wf([{ id: 'echo', type: 'transform', params: { expression: "{ 'got': trigger.body.id, 'agent': trigger.headers.`user-agent` }" } }]), trigger: { type: 'webhook', path: 'new-order', respond } });

  it('runs on a POST with the right secret and answers with the last step’s output', async () => {
    t = testCore();
    const { id } = t.core.workflows.import(hook('onFinish'));
    const { webhook } = t.core.workflows.get(id);
    expect(webhook).toMatchObject({ path: 'new-order', url: '/hooks/new-order', secret: expect.any(String) });
    expect(t.core.workflows.list().find((w) => w.id === id)?.webhookPath).toBe('new-order');
    const ok = await t.core.engine.webhooks.handle({ path: 'new-order', secret: webhook!.secret, body: { id: 5 }, headers: { 'user-agent': 'shop', 'x-levqor-secret': webhook!.secret } });
    expect(ok).toMatchObject({ status: 200, output: { got: 5, agent: 'shop' } });
    const input = t.core.runs.get((ok as { runId: string }).runId).input as { headers: Record<string, string> };
    expect(input.headers['x-levqor-secret']).toBeUndefined();

    expect(await t.core.engine.webhooks.handle({ path: 'new-order', secret: 'wrong', body: {}, headers: {} })).toMatchObject({ status: 401 });
    expect(await t.core.engine.webhooks.handle({ path: 'other', secret: webhook!.secret, body: {}, headers: {} })).toMatchObject({ status: 404 });
    const { secret } = t.core.workflows.rotateSecret(id);
    expect(await t.core.engine.webhooks.handle({ path: 'new-order', secret: webhook!.secret, body: {}, headers: {} })).toMatchObject({ status: 401 });
    expect(await t.core.engine.webhooks.handle({ path: 'new-order', secret, body: { id: 1 }, headers: {} })).toMatchObject({ status: 200 });
    t.core.workflows.setEnabled(id, false);
    expect(await t.core.engine.webhooks.handle({ path: 'new-order', secret, body: {}, headers: {} })).toMatchObject({ status: 404 });
  });

  it('tells listeners (the editor listening for a test call) about each accepted call, never a refused one', async () => {
    t = testCore();
    const { id } = t.core.workflows.import(hook('immediately'));
    const secret = t.core.workflows.get(id).webhook!.secret;
    const heard: unknown[] = [];
    t.core.events.on('workflows.webhookReceived', (p) => heard.push(p));
    await t.core.engine.webhooks.handle({ path: 'new-order', secret: 'wrong', body: { id: 1 }, headers: {} });
    expect(heard).toEqual([]);
    const r = await t.core.engine.webhooks.handle({ path: 'new-order', secret, body: { id: 7 }, headers: { 'user-agent': 'shop', 'x-levqor-secret': secret } });
    expect(heard).toEqual([{ workflowId: id, path: 'new-order', body: { id: 7 }, headers: { 'user-agent': 'shop' }, runId: (r as { runId: string }).runId, at: t.clock.now() }]);
  });

  it('answers at once with the run id when respond is immediately; paths are unique', async () => {
    t = testCore();
    const { id } = t.core.workflows.import(hook('immediately'));
    const secret = t.core.workflows.get(id).webhook!.secret;
    const r = await t.core.engine.webhooks.handle({ path: 'new-order', secret, body: { id: 2 }, headers: {} });
    expect(r).toMatchObject({ status: 202, runId: expect.any(String) });
    expect(t.core.runs.get((r as { runId: string }).runId).status).not.toBe('queued');
    expect(() => t.core.workflows.import(hook('onFinish'))).toThrow(/already used/);
  });
});

describe('event triggers', () => {
  it('starts a workflow when a matching contract event is emitted (while running in the background)', async () => {
    t = testCore();
    const watched = t.core.workflows.import({ ...wf([{ id: 'boom', type: 'transform', params: { expression: '$error("no")' } }]), name: 'Fails' });
    const { id } = t.core.workflows.import({
      ...wf([{ id: 'note', type: 'log', params: { message: 'run {{ trigger.payload.runId }} of {{ trigger.payload.workflowName }} failed' } }]),
      name: 'On failure',
      trigger: { type: 'event', event: 'run.finished', filter: { status: 'failed' } },
    });
    t.core.engine.startBackground();
    const failed = await t.core.workflows.run({ id: watched.id, wait: true });
    await t.core.engine.drain();
    const runs = t.core.runs.list({ workflowId: id, limit: 5 });
    expect(runs).toHaveLength(1);
    expect(runs[0]?.trigger).toBe('event');
    await t.core.engine.drain();
    expect(t.core.runs.get(runs[0]!.id).logs[0]?.message).toBe(`run ${failed.runId} of Fails failed`);
    // a succeeded run does not match the filter, and the trigger's own runs never trigger it
    await t.core.workflows.run({ workflow: wf([{ id: 'fine', type: 'log', params: { message: 'ok' } }]), wait: true });
    await t.core.engine.drain();
    expect(t.core.runs.list({ workflowId: id, limit: 5 })).toHaveLength(1);
  });
});
