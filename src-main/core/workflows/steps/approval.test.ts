import { afterEach, describe, expect, it } from 'vitest';
import { flush, testCore, type TestCore } from '../../../../tests/helpers/workflows/core';
import { wf } from '../../../../tests/helpers/workflows/documents';

let t: TestCore;
afterEach(() => t?.cleanup());

const gated = wf(
  [
    { id: 'gate', type: 'approval', params: { message: 'Refund {{ input.amount }}?' } },
    { id: 'after', type: 'log', params: { message: 'approved: {{ steps.gate.output.approved }}' } },
  ],
  [{ from: 'gate', to: 'after' }],
);

describe('approval', () => {
  it('waits for the founder, then continues with the decision recorded', async () => {
    t = testCore({ stage: 'post-launch' });
    const requested: unknown[] = [];
    t.core.events.subscribe((name, p) => name === 'approval.requested' && requested.push(p));
    const r = await t.core.workflows.run({ workflow: gated, input: { amount: 40 }, wait: true });
    expect(r.status).toBe('waiting');
    const [a] = t.core.approvals.list({ status: 'pending', limit: 10 });
    expect(a).toMatchObject({ runId: r.runId, nodeId: 'gate', class: 'C', message: 'Refund 40?', status: 'pending', preview: { message: 'Refund 40?' } });
    expect(requested).toHaveLength(1);

    t.clock.advance(5 * 60_000);
    const decided = t.core.approvals.approve(a!.id, { reason: 'looks right', by: 'ada' });
    expect(decided).toMatchObject({ status: 'approved', decidedBy: 'ada', reason: 'looks right', decidedAt: t.clock.now() });
    const done = await t.core.runs.wait(r.runId);
    expect(done.status).toBe('succeeded');
    expect(done.output).toEqual({ message: 'approved: true' });
    expect(t.core.engine.audit.forRun(r.runId)).toEqual([expect.objectContaining({ nodeId: 'gate', class: 'C', mode: 'real', decision: 'approved', approvalId: a!.id })]);
    expect(() => t.core.approvals.reject(a!.id)).toThrow(/already approved/);
  });

  it('a rejection stops the step and ends the run as rejected (not failed), naming who and why; a retry asks again', async () => {
    t = testCore();
    const finished: unknown[] = [];
    t.core.events.subscribe((name, p) => name === 'run.finished' && finished.push(p));
    const r = await t.core.workflows.run({ workflow: gated, input: { amount: 1 }, wait: true });
    const [a] = t.core.approvals.list({ status: 'pending', limit: 10 });
    t.core.approvals.reject(a!.id, { reason: 'not now', by: 'ada' });
    const done = await t.core.runs.wait(r.runId);
    expect(done.status).toBe('rejected');
    expect(done.error).toMatchObject({ code: 'APPROVAL_REJECTED', message: 'approval rejected by ada: not now' });
    expect(finished).toEqual([expect.objectContaining({ runId: r.runId, status: 'rejected', error: expect.objectContaining({ code: 'APPROVAL_REJECTED' }) })]);
    expect(t.core.engine.audit.forRun(r.runId)).toEqual([expect.objectContaining({ mode: 'blocked', decision: 'rejected' })]);
    expect(t.core.runs.list({ status: 'rejected', limit: 10 }).map((x) => x.id)).toEqual([r.runId]);
    expect(t.core.runs.list({ status: 'failed', limit: 10 })).toEqual([]);

    const again = await t.core.runs.retry(r.runId, true);
    expect(again.status).toBe('waiting');
    expect(t.core.approvals.list({ runId: r.runId, status: 'pending', limit: 10 })).toHaveLength(1);
  });

  it('a child run that was rejected ends its parent as rejected too', async () => {
    t = testCore();
    const child = t.core.workflows.import(gated);
    const parent = wf([{ id: 'child', type: 'workflow.run', params: { workflowId: child.id, input: { amount: 3 } } }]);
    const r = await t.core.workflows.run({ workflow: parent, wait: true });
    const [a] = t.core.approvals.list({ status: 'pending', limit: 10 });
    t.core.approvals.reject(a!.id, { by: 'ada' });
    const done = await t.core.runs.wait(r.runId, { untilEnd: true });
    expect(done.status).toBe('rejected');
    expect(done.error).toMatchObject({ code: 'APPROVAL_REJECTED', nodeId: 'child' });
  });

  it('a timeout rejects by default, and never approves', async () => {
    t = testCore();
    const doc = wf([{ id: 'gate', type: 'approval', params: { message: 'ok?' }, approval: { timeout: '1h' } }]);
    const r = await t.core.workflows.run({ workflow: doc, wait: true });
    expect(t.core.approvals.list({ runId: r.runId, limit: 5 })[0]?.expiresAt).toBe(t.clock.now() + 3_600_000);
    const done = t.core.runs.wait(r.runId, { untilEnd: true });
    await t.timer.advance(3_600_000);
    const result = await done;
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('APPROVAL_EXPIRED');
    expect(t.core.approvals.list({ runId: r.runId, limit: 5 })[0]).toMatchObject({ status: 'expired', decidedBy: 'timeout' });
  });

  it('onTimeout skip skips the step and the run goes on', async () => {
    t = testCore();
    const doc = wf(
      [
        { id: 'gate', type: 'approval', params: { message: 'ok?' }, approval: { timeout: '30m', onTimeout: 'skip' } },
        { id: 'only_if_approved', type: 'log', params: { message: 'x' } },
        { id: 'always', type: 'log', params: { message: 'y' } },
      ],
      [{ from: 'gate', to: 'only_if_approved' }],
    );
    const { runId } = await t.core.workflows.run({ workflow: doc });
    await flush(t);
    const done = t.core.runs.wait(runId, { untilEnd: true });
    await t.timer.advance(30 * 60_000);
    const r = await done;
    expect(r.status).toBe('succeeded');
    expect(Object.fromEntries(r.steps.map((s) => [s.id, s.status]))).toEqual({ gate: 'skipped', only_if_approved: 'skipped', always: 'succeeded' });
  });

  it('a decision after the timeout is refused', async () => {
    t = testCore();
    const doc = wf([{ id: 'gate', type: 'approval', params: { message: 'ok?' }, approval: { timeout: '1m' } }]);
    await t.core.workflows.run({ workflow: doc, wait: true });
    const [a] = t.core.approvals.list({ status: 'pending', limit: 1 });
    t.clock.advance(61_000);
    expect(() => t.core.approvals.approve(a!.id)).toThrow(/timed out/);
  });
});
