import { describe, expect, it } from 'vitest';
import { applyEvent, runControls, statesFromRun, stepState, triggerNodeId, type RunEvent } from './run-state';

const ref = { runId: 'r1', workflowId: 'w1', workflowName: 'W' };

describe('run view node states', () => {
  it('from runs.get: each step, dry runs apart, pending for what has not started', () => {
    const states = statesFromRun(
      {
        status: 'waiting',
        steps: [
          { id: 'a', status: 'succeeded', mode: 'real' } as never,
          { id: 'b', status: 'succeeded', mode: 'dry-run' } as never,
          { id: 'c', status: 'waiting', mode: null } as never,
        ],
      },
      ['a', 'b', 'c', 'd'],
    );
    expect(states).toEqual({ [triggerNodeId]: 'succeeded', a: 'succeeded', b: 'dry-run', c: 'waiting', d: 'pending' });
    expect(statesFromRun({ status: 'queued', steps: [] }, ['a'])).toEqual({ [triggerNodeId]: 'pending', a: 'pending' });
    expect(statesFromRun({ status: 'cancelled', steps: [{ id: 'a', status: 'cancelled', mode: null } as never] }, ['a', 'b'])).toMatchObject({ a: 'cancelled', b: 'cancelled' });
    expect(stepState({ status: 'skipped', mode: 'blocked' })).toBe('skipped');
  });

  it('live: started → running, finished → succeeded or dry run, a retry waits, a final failure fails', () => {
    let s = statesFromRun({ status: 'running', steps: [] }, ['a', 'b']);
    const events: RunEvent[] = [
      { name: 'step.started', payload: { ...ref, nodeId: 'a', type: 'log', class: 'A', attempt: 1, at: 1 } },
      { name: 'step.finished', payload: { ...ref, nodeId: 'a', type: 'log', status: 'succeeded', mode: 'dry-run', port: 'out', attempt: 1, durationMs: 1, wakeAt: null, at: 2 } },
    ];
    for (const e of events) s = applyEvent(s, e);
    expect(s.a).toBe('dry-run');
    const failed = (willRetry: boolean): RunEvent => ({
      name: 'step.failed',
      payload: { ...ref, nodeId: 'b', type: 'http.request', attempt: 1, error: { code: 'HTTP', message: '503' }, willRetry, retryAt: willRetry ? 10 : null, at: 3 },
    });
    expect(applyEvent(s, failed(true)).b).toBe('waiting');
    expect(applyEvent(s, failed(false)).b).toBe('failed');
  });

  it('live: an approval request waits; approval lets the step run; a cancelled run cancels what was open', () => {
    const approval = { id: 'ap', subject: { kind: 'step', ref: 'r1/g', title: 'g' }, runId: 'r1', nodeId: 'g', workflowId: 'w1', workflowName: 'W', stepType: 'approval', class: 'C', stage: 'post-launch', message: 'ok?', status: 'pending', requestedBy: 'x', requestedAt: 1, expiresAt: null, onTimeout: 'reject', decidedBy: null, decidedAt: null, reason: null, outcome: null } as never as RunEvent['payload'] & { status: string };
    let s = statesFromRun({ status: 'running', steps: [] }, ['g', 'after']);
    s = applyEvent(s, { name: 'approval.requested', payload: approval } as RunEvent);
    expect(s.g).toBe('waiting');
    const approved = applyEvent(s, { name: 'approval.decided', payload: { ...approval, status: 'approved' } } as RunEvent);
    expect(approved.g).toBe('running');
    const cancelled = applyEvent(s, { name: 'run.finished', payload: { ...ref, status: 'cancelled', error: null, durationMs: 5, at: 9 } });
    expect(cancelled).toMatchObject({ g: 'cancelled', after: 'cancelled', [triggerNodeId]: 'succeeded' });
    // nothing changes: the same object (React skips the render)
    const same = applyEvent(s, { name: 'run.finished', payload: { ...ref, status: 'succeeded', error: null, durationMs: 5, at: 9 } });
    expect(same).toBe(s);
  });

  it('controls: retry after failure or cancel; cancel while open', () => {
    expect(runControls('failed')).toEqual({ retry: true, cancel: false });
    expect(runControls('cancelled')).toEqual({ retry: true, cancel: false });
    expect(runControls('waiting')).toEqual({ retry: false, cancel: true });
    expect(runControls('succeeded')).toEqual({ retry: false, cancel: false });
  });
});
