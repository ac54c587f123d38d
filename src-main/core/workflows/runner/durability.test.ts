import { describe, expect, it } from 'vitest';
import { flush, testCore, type TestCore } from '../../../../tests/helpers/workflows/core';
import { wf } from '../../../../tests/helpers/workflows/documents';
import { serverPerTest } from '../../../../tests/helpers/workflows/server-per-test';
import { answer, until } from '../../../../tests/helpers/workflows/wait';
import { retireOwner } from '../../process-owner';

let t: TestCore;
const http = serverPerTest(() => t?.cleanup());

const pipeline = () =>
  wf(
    [
      { id: 'pre', type: 'log', params: { message: 'pre' } },
      { id: 'call', type: 'http.request', params: { method: 'POST', url: `${http.server.url}/slow`, body: { n: 1 } } },
      { id: 'post', type: 'log', params: { message: 'post {{ steps.call.output.body.ok }}' } },
    ],
    [
      { from: 'pre', to: 'call' },
      { from: 'call', to: 'post' },
    ],
  );

describe('durable runs', () => {
  it('a process that dies mid-step: another takes the run over, re-runs only that step with the same key', async () => {
    t = testCore({ stage: 'post-launch' });
    const a = t.core;
    const { id } = a.workflows.import(pipeline());
    const { runId } = await a.workflows.run({ id });
    await until(() => http.parked.length === 1);
    expect(a.runs.get(runId).steps.map((s) => [s.id, s.status])).toEqual([
      ['pre', 'succeeded'],
      ['call', 'running'],
    ]);

    // another process cannot take a run whose owner is alive
    const b = t.reopen();
    expect(await b.runs.resume()).toEqual([]);

    // "kill -9" the first process: its owner is gone, its lease stays in the database
    retireOwner(a.engine.owner);
    const resumed = await b.runs.resume();
    expect(resumed.map((r) => r.runId)).toEqual([runId]);
    await until(() => http.parked.length === 2);
    answer(http.parked[1]!, { ok: 'second' });
    const done = await b.runs.wait(runId, { untilEnd: true });
    expect(done.status).toBe('succeeded');
    // the first process's late answer changes nothing: it lost the run
    answer(http.parked[0]!, { ok: 'first' });
    await a.engine.drain();

    const detail = b.runs.get(runId);
    expect(detail.output).toEqual({ message: 'post second' });
    expect(detail.logs.map((l) => l.message)).toEqual(['pre', 'post second']);
    expect(http.server.hitsOn('/slow').map((h) => h.key)).toEqual([`${runId}:call`, `${runId}:call`]);
    expect(detail.steps.find((s) => s.id === 'call')).toMatchObject({ status: 'succeeded', attempts: 1 });
    // two audit rows: one per time the side effect was started
    expect(b.engine.audit.forRun(runId).map((e) => [e.nodeId, e.mode])).toEqual([
      ['call', 'real'],
      ['call', 'real'],
    ]);
  });

  it('a cleanly closed process hands its runs back at once', async () => {
    t = testCore();
    const { runId } = await t.core.workflows.run({ workflow: pipeline() });
    await until(() => http.parked.length === 1);
    t.core.close();
    const b = t.reopen();
    b.engine.startBackground();
    await until(() => http.parked.length === 2);
    answer(http.parked[1]!, { ok: 'yes' });
    expect((await b.runs.wait(runId, { untilEnd: true })).status).toBe('succeeded');
  });

  it('retries a failed run from its failed step; finished steps are kept', async () => {
    t = testCore();
    let calls = 0;
    http.server.route('/once', (_h, res) => {
      calls++;
      res.writeHead(calls === 1 ? 400 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ calls }));
    });
    const doc = wf(
      [
        { id: 'pre', type: 'log', params: { message: 'pre' } },
        { id: 'call', type: 'http.request', params: { url: `${http.server.url}/once` } },
        { id: 'post', type: 'log', params: { message: 'post {{ steps.call.output.body.calls }}' } },
      ],
      [
        { from: 'pre', to: 'call' },
        { from: 'call', to: 'post' },
      ],
    );
    const first = await t.core.workflows.run({ workflow: doc, wait: true });
    expect(first.status).toBe('failed');
    expect(first.steps).toEqual([
      { id: 'pre', status: 'succeeded', attempts: 1 },
      { id: 'call', status: 'failed', attempts: 1 },
    ]);
    const again = await t.core.runs.retry(first.runId, true);
    expect(again.status).toBe('succeeded');
    expect(again.steps).toEqual([
      { id: 'pre', status: 'succeeded', attempts: 1 },
      { id: 'call', status: 'succeeded', attempts: 2 },
      { id: 'post', status: 'succeeded', attempts: 1 },
    ]);
    expect(t.core.runs.get(first.runId).logs.map((l) => l.message)).toEqual(['pre', 'post 2']);
    expect(new Set(http.server.hitsOn('/once').map((h) => h.key))).toEqual(new Set([`${first.runId}:call`]));
    await expect(t.core.runs.retry(first.runId)).rejects.toThrow(/only a failed, rejected or cancelled run/);
  });

  it('cancels a run mid-step, a waiting run, and a run waiting for approval', async () => {
    t = testCore();
    const mid = await t.core.workflows.run({ workflow: pipeline() });
    await until(() => http.parked.length === 1);
    const cancelled = await t.core.runs.cancel(mid.runId);
    expect(cancelled.status).toBe('cancelled');
    expect(t.core.runs.get(mid.runId).steps.find((s) => s.id === 'call')?.status).toBe('cancelled');

    const sleeping = await t.core.workflows.run({ workflow: wf([{ id: 'd', type: 'delay', params: { duration: '1h' } }]) });
    await flush(t);
    expect((await t.core.runs.cancel(sleeping.runId)).status).toBe('cancelled');
    await t.timer.advance(3_600_000);
    expect(t.core.runs.get(sleeping.runId).steps[0]?.status).toBe('cancelled');

    const gated = await t.core.workflows.run({ workflow: wf([{ id: 'g', type: 'approval', params: { message: 'ok?' } }]), wait: true });
    expect(gated.status).toBe('waiting');
    await t.core.runs.cancel(gated.runId);
    expect(t.core.approvals.list({ runId: gated.runId, limit: 5 })[0]).toMatchObject({ status: 'cancelled' });
    await expect(async () => t.core.approvals.approve(t.core.approvals.list({ runId: gated.runId, limit: 1 })[0]!.id)).rejects.toThrow(/already cancelled/);
  });

  it('a step over its timeout fails with TIMEOUT (time from the injected timer)', async () => {
    t = testCore();
    const doc = wf([{ id: 'call', type: 'http.request', params: { url: `${http.server.url}/slow`, timeoutMs: 300_000 }, timeout: '5s' }]);
    const { runId } = await t.core.workflows.run({ workflow: doc });
    await until(() => http.parked.length === 1);
    const done = t.core.runs.wait(runId, { untilEnd: true });
    await t.timer.advance(5000);
    const r = await done;
    expect(r.status).toBe('failed');
    expect(r.error).toMatchObject({ code: 'TIMEOUT', nodeId: 'call' });
  });

  it('keeps a workflow to its concurrency limit; queued runs start as slots free', async () => {
    t = testCore();
    const { id } = t.core.workflows.import({ ...wf([{ id: 'd', type: 'delay', params: { duration: '10m' } }]), concurrency: 1 });
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push((await t.core.workflows.run({ id })).runId);
    await flush(t);
    expect(runs.map((r) => t.core.runs.get(r).status)).toEqual(['waiting', 'queued', 'queued']);
    t.core.engine.startBackground();
    await t.timer.advance(10 * 60_000);
    await t.core.engine.drain();
    expect(runs.map((r) => t.core.runs.get(r).status)).toEqual(['succeeded', 'waiting', 'queued']);
    await t.timer.advance(20 * 60_000);
    await t.core.engine.drain();
    expect(runs.map((r) => t.core.runs.get(r).status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
  });

  it('emits the run and step events in order', async () => {
    t = testCore();
    const seen: string[] = [];
    t.core.events.subscribe((name, p) => {
      const node = (p as { nodeId?: string }).nodeId;
      if (name.startsWith('run.') || name.startsWith('step.')) seen.push(node ? `${name}:${node}` : name);
    });
    await t.core.workflows.run({
      workflow: wf([{ id: 'a', type: 'transform', params: { expression: '1' } }, { id: 'b', type: 'transform', params: { expression: '$error("no")' } }], [{ from: 'a', to: 'b' }]),
      wait: true,
    });
    expect(seen).toEqual(['run.started', 'step.started:a', 'step.finished:a', 'step.started:b', 'step.failed:b', 'run.finished']);
  });
});
