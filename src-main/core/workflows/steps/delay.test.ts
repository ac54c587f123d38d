import { afterEach, describe, expect, it } from 'vitest';
import { flush, testCore, type TestCore } from '../../../../tests/helpers/workflows/core';
import { wf } from '../../../../tests/helpers/workflows/documents';

let t: TestCore;
afterEach(() => t?.cleanup());

const delayed = (params: Record<string, unknown>) =>
  wf([{ id: 'wait', type: 'delay', params }, { id: 'after', type: 'log', params: { message: 'done' } }], [{ from: 'wait', to: 'after' }]);

describe('delay', () => {
  it('parks the run until the wake-up time, holding no lease', async () => {
    t = testCore();
    const started = t.clock.now();
    const { runId } = await t.core.workflows.run({ workflow: delayed({ duration: '10m' }) });
    await flush(t);
    const parked = t.core.runs.get(runId);
    expect(parked.status).toBe('waiting');
    expect(parked.wakeAt).toBe(started + 600_000);
    expect(parked.steps[0]).toMatchObject({ id: 'wait', status: 'waiting', wakeAt: started + 600_000 });
    const done = t.core.runs.wait(runId);
    await t.timer.advance(600_000);
    const r = await done;
    expect(r.status).toBe('succeeded');
    expect(t.core.runs.get(runId).steps[0]?.output).toEqual({ waitedUntil: new Date(started + 600_000).toISOString() });
  });

  it('survives a restart: a new process wakes the run at the stored time', async () => {
    t = testCore();
    const start = t.clock.now();
    const { runId } = await t.core.workflows.run({ workflow: delayed({ duration: '2h' }) });
    await flush(t);
    expect(t.core.runs.get(runId).status).toBe('waiting');
    t.core.close();

    const second = t.reopen();
    second.engine.startBackground();
    await t.timer.advance(3_600_000);
    expect(second.runs.get(runId).status).toBe('waiting');
    await t.timer.advance(3_600_000);
    await second.engine.drain();
    const r = second.runs.get(runId);
    expect(r.status).toBe('succeeded');
    expect(r.finishedAt).toBe(start + 7_200_000);
  });

  it('waits until a given time, or not at all when it has passed', async () => {
    t = testCore();
    const until = new Date(t.clock.now() + 90_000).toISOString();
    const { runId } = await t.core.workflows.run({ workflow: delayed({ until }) });
    const done = t.core.runs.wait(runId);
    await t.timer.advance(90_000);
    expect((await done).status).toBe('succeeded');
    const past = await t.core.workflows.run({ workflow: delayed({ until: '2020-01-01T00:00:00Z' }), wait: true });
    expect(past.status).toBe('succeeded');
  });

  it('rejects a bad until at run time, and both or neither of duration/until at validation', async () => {
    t = testCore();
    const r = await t.core.workflows.run({ workflow: delayed({ until: '{{ input.when }}' }), input: { when: 'someday' }, wait: true });
    expect(r.status).toBe('failed');
    expect(r.error?.code).toBe('BAD_PARAMS');
    expect(t.core.workflows.validate(delayed({})).valid).toBe(false);
    expect(t.core.workflows.validate(delayed({ duration: '1m', until: 5 })).valid).toBe(false);
  });
});
