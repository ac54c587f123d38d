import { afterEach, describe, expect, it } from 'vitest';
import { testCore, wf, type TestCore } from './test-support/core';
import { percentile } from './analytics';

let t: TestCore;
afterEach(() => t?.cleanup());

describe('workflow analytics', () => {
  it('computes nearest-rank percentiles', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([7], 95)).toBe(7);
  });

  it('reports runs, success rate, p50/p95 duration, top failures and mean approval wait over a range', async () => {
    t = testCore();
    const { id } = t.core.workflows.import(
      wf(
        [
          { id: 'wait', type: 'delay', params: { duration: '{{ input.minutes & "m" }}' } },
          { id: 'check', type: 'transform', params: { expression: 'input.fail ? $error("card declined " & input.minutes) : "ok"' } },
        ],
        [{ from: 'wait', to: 'check' }],
      ),
    );
    const from = t.clock.now();
    t.core.engine.startBackground();
    // 10 runs lasting 1..10 minutes; the 3 longest fail with the same reason (numbers vary)
    for (let m = 1; m <= 10; m++) await t.core.workflows.run({ id, input: { minutes: m, fail: m > 7 } });
    await t.timer.advance(11 * 60_000);
    await t.core.engine.drain();

    // an approval decided after 30 minutes
    const gated = t.core.workflows.import({ ...wf([{ id: 'g', type: 'approval', params: { message: 'ok?' } }]), name: 'Gated' });
    const r = await t.core.workflows.run({ id: gated.id, wait: true });
    t.clock.advance(30 * 60_000);
    t.core.approvals.approve(t.core.approvals.list({ runId: r.runId, limit: 1 })[0]!.id);
    await t.core.runs.wait(r.runId, { untilEnd: true });

    const stats = t.core.workflows.stats(id, from, t.clock.now() + 1);
    expect(stats).toMatchObject({ runs: 10, finished: 10, succeeded: 7, failed: 3, cancelled: 0, successRate: 0.7, p50DurationMs: 5 * 60_000, p95DurationMs: 10 * 60_000 });
    expect(stats.topFailureReasons).toEqual([{ reason: 'EXPRESSION at check: expression "input.fail ? $error("card declined " & input.minutes) : "ok"" failed: card declined <n> (D<n>)', count: 3 }]);
    expect(stats.meanApprovalWaitMs).toBeNull();
    expect(t.core.workflows.stats(gated.id)).toMatchObject({ runs: 1, succeeded: 1, meanApprovalWaitMs: 30 * 60_000, approvalsDecided: 1 });
    // outside the range: nothing
    expect(t.core.workflows.stats(id, from - 10 * 60_000, from).runs).toBe(0);
  });
});
