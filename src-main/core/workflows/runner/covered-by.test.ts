import { describe, expect, it } from 'vitest';
import { coveringApprovalSteps } from '../../../../shared/approval-cover';
import { testCore, type TestCore } from '../../../../tests/helpers/workflows/core';
import { chain, wf } from '../../../../tests/helpers/workflows/documents';
import { serverPerTest } from '../../../../tests/helpers/workflows/server-per-test';

let t: TestCore;
const http = serverPerTest(() => t?.cleanup());

/** manual → approval ("Refund order …?") → POST: the gate asks the question the POST would. */
const refund = (url: string) =>
  chain([
    { id: 'gate', type: 'approval', params: { message: 'Refund order {{ input.order }}?' } },
    { id: 'refund', type: 'http.request', params: { method: 'POST', url, body: { order: '{{ input.order }}' } } },
  ]);

describe('pre-launch: an approval step directly before a Class B step covers it', () => {
  it('the rule: only approval steps lead to the step', () => {
    const types: Record<string, string> = { a: 'approval', b: 'approval', t: 'transform' };
    const typeOf = (id: string) => types[id];
    expect(coveringApprovalSteps(['a'], typeOf)).toEqual(['a']);
    expect(coveringApprovalSteps(['a', 'b', 'a'], typeOf)).toEqual(['a', 'b']);
    expect(coveringApprovalSteps(['a', 't'], typeOf)).toEqual([]);
    expect(coveringApprovalSteps([], typeOf)).toEqual([]);
    expect(coveringApprovalSteps(['missing'], typeOf)).toEqual([]);
  });

  it('approving the gate lets the POST happen for real, without a second question', async () => {
    t = testCore({ stage: 'pre-launch' });
    const r = await t.core.workflows.run({ workflow: refund(`${http.server.url}/refunds`), input: { order: 1042 }, wait: true });
    expect(r.status).toBe('waiting');
    const [gate] = t.core.approvals.list({ runId: r.runId, limit: 5 });
    expect(gate).toMatchObject({ nodeId: 'gate', message: 'Refund order 1042?' });
    t.core.approvals.approve(gate!.id);
    const done = await t.core.runs.wait(r.runId, { untilEnd: true });
    expect(done.status).toBe('succeeded');
    expect(http.server.hitsOn('/refunds').map((h) => JSON.parse(h.body))).toEqual([{ order: 1042 }]);
    expect(t.core.approvals.list({ runId: r.runId, limit: 5 })).toHaveLength(1);
    expect(t.core.runs.get(r.runId).steps.find((s) => s.id === 'refund')).toMatchObject({ class: 'B', mode: 'real', status: 'succeeded' });
    expect(t.core.engine.audit.forRun(r.runId).find((e) => e.nodeId === 'refund')).toMatchObject({ mode: 'real', decision: 'approved', approvalId: gate!.id, detail: 'covered by the approval step before it' });
  });

  it('rejecting the gate sends nothing and ends the run rejected', async () => {
    t = testCore({ stage: 'pre-launch' });
    const r = await t.core.workflows.run({ workflow: refund(`${http.server.url}/refunds`), input: { order: 7 }, wait: true });
    t.core.approvals.reject(t.core.approvals.list({ runId: r.runId, limit: 1 })[0]!.id);
    expect((await t.core.runs.wait(r.runId, { untilEnd: true })).status).toBe('rejected');
    expect(http.server.hits).toHaveLength(0);
  });

  it('a POST also reached from another step asks for its own approval, showing its dry run', async () => {
    t = testCore({ stage: 'pre-launch' });
    const doc = wf(
      [
        { id: 'prep', type: 'transform', params: { expression: '1' } },
        { id: 'gate', type: 'approval', params: { message: 'ok?' } },
        { id: 'send', type: 'http.request', params: { method: 'POST', url: `${http.server.url}/hook` } },
      ],
      [
        { from: 'prep', to: 'gate' },
        { from: 'gate', to: 'send' },
        { from: 'prep', to: 'send' },
      ],
    );
    const r = await t.core.workflows.run({ workflow: doc, wait: true });
    t.core.approvals.approve(t.core.approvals.list({ runId: r.runId, status: 'pending', limit: 1 })[0]!.id);
    const next = await t.core.runs.wait(r.runId);
    expect(next.status).toBe('waiting');
    const own = t.core.approvals.list({ runId: r.runId, status: 'pending', limit: 1 })[0];
    expect(own).toMatchObject({ nodeId: 'send', class: 'B', preview: { method: 'POST', url: `${http.server.url}/hook` } });
    expect(http.server.hits).toHaveLength(0);
    t.core.approvals.approve(own!.id);
    expect((await t.core.runs.wait(r.runId, { untilEnd: true })).status).toBe('succeeded');
    expect(http.server.hitsOn('/hook')).toHaveLength(1);
  });

  it('a dry run covers nothing: the gate and the POST are both recorded, nothing is sent', async () => {
    t = testCore({ stage: 'pre-launch' });
    const r = await t.core.workflows.run({ workflow: refund(`${http.server.url}/refunds`), input: { order: 1 }, wait: true, dryRun: true });
    expect(r.status).toBe('succeeded');
    expect(t.core.runs.get(r.runId).steps.map((s) => [s.id, s.mode])).toEqual([
      ['gate', 'dry-run'],
      ['refund', 'dry-run'],
    ]);
    expect(http.server.hits).toHaveLength(0);
  });
});
