import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../../tests/helpers/workflows/core';
import { wf } from '../../../../tests/helpers/workflows/documents';

let t: TestCore;
afterEach(() => t?.cleanup());

describe('workflow.run', () => {
  it('runs a stored workflow as a child, waits for it and outputs its output', async () => {
    t = testCore();
    const child = t.core.workflows.import({ ...wf([{ id: 'double', type: 'transform', params: { expression: 'input.n * 2' } }]), name: 'Child' });
    const parent = wf(
      [
        { id: 'call', type: 'workflow.run', params: { workflowId: child.id, input: { n: '{{ input.n }}' } } },
        { id: 'after', type: 'log', params: { message: 'child said {{ steps.call.output.output }}' } },
      ],
      [{ from: 'call', to: 'after' }],
    );
    const r = await t.core.workflows.run({ workflow: parent, input: { n: 21 }, wait: true });
    expect(r.status).toBe('succeeded');
    expect(r.output).toEqual({ message: 'child said 42' });
    const detail = t.core.runs.get(r.runId);
    expect(detail.children).toHaveLength(1);
    const childRun = t.core.runs.get(detail.children[0]!);
    expect(childRun).toMatchObject({ trigger: 'child', parentRunId: r.runId, status: 'succeeded', workflowId: child.id });
  });

  it('waits across a child that waits (delay), and fails when the child fails', async () => {
    t = testCore();
    const slow = t.core.workflows.import({ ...wf([{ id: 'd', type: 'delay', params: { duration: '5m' } }]), name: 'Slow' });
    const bad = t.core.workflows.import({ ...wf([{ id: 'x', type: 'transform', params: { expression: '$error("boom")' } }]), name: 'Bad' });
    const run = t.core.workflows.run({ workflow: wf([{ id: 'call', type: 'workflow.run', params: { workflowId: slow.id } }]), wait: true });
    await t.timer.advance(0);
    await t.timer.advance(5 * 60_000);
    expect((await run).status).toBe('succeeded');
    const failed = await t.core.workflows.run({ workflow: wf([{ id: 'call', type: 'workflow.run', params: { workflowId: bad.id } }]), wait: true });
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'CHILD_FAILED', message: expect.stringContaining('boom') });
  });

  it('fails clearly for an unknown workflow', async () => {
    t = testCore();
    const r = await t.core.workflows.run({ workflow: wf([{ id: 'call', type: 'workflow.run', params: { workflowId: 'nope' } }]), wait: true });
    expect(r.error).toMatchObject({ code: 'NOT_FOUND', message: 'no workflow has id "nope"' });
  });
});
