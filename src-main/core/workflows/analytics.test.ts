import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../tests/helpers/workflows/core';
import { chain, wf } from '../../../tests/helpers/workflows/documents';
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
      chain([
        { id: 'wait', type: 'delay', params: { duration: '{{ input.minutes & "m" }}' } },
        { id: 'check', type: 'transform', params: { expression: 'input.fail ? $error("card declined " & input.minutes) : "ok"' } },
      ]),
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

describe('daily series, success rate in the list, runs.list date range', () => {
  const day = 86_400_000;
  const failing = wf([{ id: 'check', type: 'transform', params: { expression: 'input.fail ? $error("declined") : "ok"' } }]);

  /** Runs at the given clock times (ms since the start), failing when asked. */
  async function runsAt(t: TestCore, id: string, plan: { at: number; fail?: boolean }[]): Promise<string[]> {
    const start = t.clock.now();
    const ids: string[] = [];
    for (const p of plan) {
      t.clock.set(start + p.at);
      ids.push((await t.core.workflows.run({ id, input: { fail: p.fail === true }, wait: true })).runId);
    }
    return ids;
  }

  it('counts runs per local calendar day by status, every day present, in the asked timezone', async () => {
    // Monday 5 Jan 2026, 08:00 UTC
    t = testCore();
    const { id } = t.core.workflows.import(failing);
    const from = t.clock.now();
    await runsAt(t, id, [
      { at: 0 },
      { at: 60_000, fail: true },
      // 23:30 UTC on the 5th: still the 5th in UTC, already the 6th in Berlin (UTC+1)
      { at: 15.5 * 3_600_000 },
      { at: 2 * day, fail: true },
    ]);
    const to = from + 3 * day;
    const utc = t.core.workflows.stats(id, from, to);
    expect(utc.timezone).toBe('UTC');
    expect(utc.daily).toEqual([
      { day: '2026-01-05', succeeded: 2, failed: 1, rejected: 0, cancelled: 0, other: 0 },
      { day: '2026-01-06', succeeded: 0, failed: 0, rejected: 0, cancelled: 0, other: 0 },
      { day: '2026-01-07', succeeded: 0, failed: 1, rejected: 0, cancelled: 0, other: 0 },
      // the range ends at 08:00 on the 8th: that day is part of it
      { day: '2026-01-08', succeeded: 0, failed: 0, rejected: 0, cancelled: 0, other: 0 },
    ]);
    const berlin = t.core.workflows.stats(id, from, to, 'Europe/Berlin');
    expect(berlin.daily.slice(0, 2)).toEqual([
      { day: '2026-01-05', succeeded: 1, failed: 1, rejected: 0, cancelled: 0, other: 0 },
      { day: '2026-01-06', succeeded: 1, failed: 0, rejected: 0, cancelled: 0, other: 0 },
    ]);
    expect(berlin.daily.reduce((n, d) => n + d.succeeded + d.failed + d.cancelled + d.other, 0)).toBe(utc.runs);
    expect(() => t.core.workflows.stats(id, from, to, 'Mars/Olympus')).toThrow(/timezone: "Mars\/Olympus" is not an IANA timezone/);
    expect(() => t.core.workflows.stats(id, from - 2000 * day, to)).toThrow(/from: a daily series covers at most 1000 days/);
  });

  it('a waiting run counts as "other" on its day', async () => {
    t = testCore();
    const { id } = t.core.workflows.import(wf([{ id: 'gate', type: 'approval', params: { message: 'ok?' } }]));
    await t.core.workflows.run({ id, wait: true });
    expect(t.core.workflows.stats(id).daily.at(-1)).toMatchObject({ day: '2026-01-05', other: 1, succeeded: 0 });
  });

  it('a rejected run is counted apart: not a failure, left out of the success rate, its own series per day', async () => {
    t = testCore();
    const gated = wf([
      { id: 'check', type: 'transform', params: { expression: 'input.fail ? $error("declined") : "ok"' } },
      { id: 'gate', type: 'approval', params: { message: 'ok?' } },
    ], [{ from: 'check', to: 'gate' }]);
    const { id } = t.core.workflows.import(gated);
    const decide = async (input: object, approve: boolean) => {
      const r = await t.core.workflows.run({ id, input, wait: true });
      const pending = t.core.approvals.list({ runId: r.runId, status: 'pending', limit: 1 })[0];
      if (pending) (approve ? t.core.approvals.approve : t.core.approvals.reject).call(t.core.approvals, pending.id);
      return t.core.runs.wait(r.runId, { untilEnd: true });
    };
    expect((await decide({}, true)).status).toBe('succeeded');
    expect((await decide({}, false)).status).toBe('rejected');
    expect((await decide({}, false)).status).toBe('rejected');
    expect((await decide({ fail: true }, true)).status).toBe('failed');
    const stats = t.core.workflows.stats(id);
    expect(stats).toMatchObject({ runs: 4, finished: 4, succeeded: 1, failed: 1, rejected: 2, cancelled: 0, successRate: 0.5 });
    expect(stats.topFailureReasons.map((r) => r.count)).toEqual([1]);
    expect(stats.daily.at(-1)).toMatchObject({ succeeded: 1, failed: 1, rejected: 2 });
    expect(t.core.workflows.get(id).successRate).toBe(0.5);
  });

  it('every workflow in the list carries its success rate over the last 30 days (null when nothing finished)', async () => {
    t = testCore();
    const { id } = t.core.workflows.import(failing);
    const idle = t.core.workflows.import({ ...failing, name: 'Idle' });
    // 40 days ago: a failure that no longer counts
    await runsAt(t, id, [{ at: 0, fail: true }, { at: 40 * day }, { at: 40 * day + 1000 }, { at: 40 * day + 2000, fail: true }, { at: 40 * day + 3000 }]);
    const list = t.core.workflows.list();
    expect(list.find((w) => w.id === id)?.successRate).toBe(0.75);
    expect(list.find((w) => w.id === idle.id)?.successRate).toBeNull();
    expect(t.core.workflows.get(id).successRate).toBe(0.75);
  });

  it('runs.list filters by createdAt in [from, to), with status, and pages with before', async () => {
    t = testCore();
    const { id } = t.core.workflows.import(failing);
    const start = t.clock.now();
    const ids = await runsAt(t, id, [{ at: 0 }, { at: day, fail: true }, { at: 2 * day }, { at: 3 * day, fail: true }]);
    const listed = (filter: { from?: number; to?: number; status?: 'failed'; before?: number; limit?: number }) =>
      t.core.runs.list({ workflowId: id, limit: 50, ...filter }).map((r) => r.id);
    expect(listed({ from: start + day, to: start + 3 * day })).toEqual([ids[2], ids[1]]);
    expect(listed({ from: start + day })).toEqual([ids[3], ids[2], ids[1]]);
    expect(listed({ from: start + day, status: 'failed' })).toEqual([ids[3], ids[1]]);
    expect(listed({ limit: 2 })).toEqual([ids[3], ids[2]]);
    expect(listed({ limit: 2, before: start + 2 * day })).toEqual([ids[1], ids[0]]);
    expect(() => t.core.runs.list({ limit: 5, from: start + day, to: start })).toThrow(/from: must not be after to/);
  });
});
