import { describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../tests/helpers/workflows/core';
import { wf } from '../../../tests/helpers/workflows/documents';
import { serverPerTest } from '../../../tests/helpers/workflows/server-per-test';

let t: TestCore;
const http = serverPerTest(() => t?.cleanup());

describe('dry runs (workflows.run with dryRun)', () => {
  it('runs Class A for real, records Class B and C (the approval gate too) as dry runs, and waits for nobody', async () => {
    t = testCore({ stage: 'post-launch' });
    const { id } = t.core.workflows.import(
      wf(
        [
          { id: 'fetch', type: 'http.request', params: { url: `${http.server.url}/orders/7` } },
          { id: 'gate', type: 'approval', params: { message: 'Refund order 7?' } },
          { id: 'refund', type: 'http.request', params: { method: 'POST', url: `${http.server.url}/refunds`, body: { order: 7 } } },
          { id: 'note', type: 'log', params: { message: 'refund: {{ steps.refund.output.dryRun }}' } },
        ],
        [
          { from: 'fetch', to: 'gate' },
          { from: 'gate', to: 'refund' },
          { from: 'refund', to: 'note' },
        ],
      ),
    );
    const result = await t.core.workflows.run({ id, wait: true, dryRun: true });

    expect(result.status).toBe('succeeded');
    // the GET (Class A) happened; the POST (Class B, post-launch: it would be real) did not
    expect(http.server.hits.map((h) => `${h.method} ${h.path}`)).toEqual(['GET /orders/7']);
    expect(t.core.approvals.list({ runId: result.runId, limit: 10 })).toEqual([]);
    const detail = t.core.runs.get(result.runId);
    expect(detail.dryRun).toBe(true);
    // the run carries the document it pinned, for the run view's graph
    expect(detail.workflow?.nodes.map((n) => n.id)).toEqual(['fetch', 'gate', 'refund', 'note']);
    expect(detail.steps.map((s) => [s.id, s.status, s.mode])).toEqual([
      ['fetch', 'succeeded', 'real'],
      ['gate', 'succeeded', 'dry-run'],
      ['refund', 'succeeded', 'dry-run'],
      ['note', 'succeeded', 'real'],
    ]);
    expect(detail.steps.find((s) => s.id === 'refund')?.output).toMatchObject({ dryRun: true, preview: { method: 'POST', url: `${http.server.url}/refunds`, body: { order: 7 } } });
    expect(detail.steps.find((s) => s.id === 'gate')?.output).toMatchObject({ dryRun: true, preview: { message: 'Refund order 7?' } });
    expect(detail.output).toEqual({ message: 'refund: true' });
    expect(t.core.engine.audit.forRun(result.runId).map((e) => [e.nodeId, e.class, e.mode, e.decision])).toEqual([
      ['gate', 'C', 'dry-run', 'dry-run'],
      ['refund', 'B', 'dry-run', 'dry-run'],
    ]);
    expect(t.core.runs.list({ workflowId: id, limit: 5 })[0]).toMatchObject({ id: result.runId, dryRun: true });
  });

  it('a normal run of the same workflow is not a dry run: it waits for the approval', async () => {
    t = testCore({ stage: 'post-launch' });
    const { id } = t.core.workflows.import(wf([{ id: 'gate', type: 'approval', params: { message: 'ok?' } }]));
    const result = await t.core.workflows.run({ id, wait: true });
    expect(result.status).toBe('waiting');
    expect(t.core.runs.get(result.runId).dryRun).toBe(false);
    expect(t.core.approvals.list({ runId: result.runId, status: 'pending', limit: 5 })).toHaveLength(1);
  });

  it('a child run started by a dry run is a dry run too', async () => {
    t = testCore({ stage: 'post-launch' });
    const child = t.core.workflows.import({ ...wf([{ id: 'send', type: 'http.request', params: { method: 'POST', url: `${http.server.url}/child` } }]), name: 'Child' });
    const parent = await t.core.workflows.run({ workflow: wf([{ id: 'call', type: 'workflow.run', params: { workflowId: child.id } }]), wait: true, dryRun: true });
    expect(parent.status).toBe('succeeded');
    expect(http.server.hits).toHaveLength(0);
    const [childRun] = t.core.runs.list({ workflowId: child.id, limit: 5 });
    expect(childRun).toMatchObject({ dryRun: true, status: 'succeeded', parentRunId: parent.runId });
  });
});
