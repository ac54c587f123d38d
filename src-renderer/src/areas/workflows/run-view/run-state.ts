/**
 * What each node of the run view shows, from `runs.get` and then from the engine's live
 * events (tested in run-state.test.ts). The trigger is node `__trigger__`.
 */
import type { EventPayload } from '../../../../../shared/contract';
import type { RunDetail, RunStepDetail } from '../../../../../shared/contract/workflows';
import { approvalRejectedCode, retriableRunStatuses } from '../../../../../shared/workflow';
import { TRIGGER_NODE_ID, type NodeRunState } from '../canvas/node-state';

export type NodeState = NodeRunState;
export type NodeStates = Record<string, NodeState>;

export const triggerNodeId = TRIGGER_NODE_ID;

export function stepState(step: Pick<RunStepDetail, 'status' | 'mode'> & { error?: { code: string } | null }): NodeState {
  if (step.status === 'succeeded') return step.mode === 'dry-run' ? 'dry-run' : 'succeeded';
  if (step.status === 'failed' && step.error?.code === approvalRejectedCode) return 'rejected';
  return step.status;
}

/** Every node of the run's document: its step's state, or pending when it has not started. */
export function statesFromRun(run: Pick<RunDetail, 'status' | 'steps'>, nodeIds: readonly string[]): NodeStates {
  const states: NodeStates = { [triggerNodeId]: run.status === 'queued' ? 'pending' : 'succeeded' };
  for (const id of nodeIds) states[id] = 'pending';
  for (const step of run.steps) states[step.id] = stepState(step);
  if (run.status === 'cancelled') for (const id of nodeIds) if (states[id] === 'pending') states[id] = 'cancelled';
  return states;
}

export type RunEvent =
  | { name: 'run.started'; payload: EventPayload<'run.started'> }
  | { name: 'step.started'; payload: EventPayload<'step.started'> }
  | { name: 'step.finished'; payload: EventPayload<'step.finished'> }
  | { name: 'step.failed'; payload: EventPayload<'step.failed'> }
  | { name: 'approval.requested'; payload: EventPayload<'approval.requested'> }
  | { name: 'approval.decided'; payload: EventPayload<'approval.decided'> }
  | { name: 'run.finished'; payload: EventPayload<'run.finished'> };

/** The run an event is about (approvals of other subjects have none). */
export function eventRunId(e: RunEvent): string | null {
  return e.payload.runId;
}

/** The states after one event of this run; the same object when nothing changes. */
export function applyEvent(states: NodeStates, e: RunEvent): NodeStates {
  const set = (id: string | null, state: NodeState): NodeStates => (id === null || states[id] === state ? states : { ...states, [id]: state });
  switch (e.name) {
    case 'run.started':
      return set(triggerNodeId, 'succeeded');
    case 'step.started':
      return set(e.payload.nodeId, 'running');
    case 'step.finished':
      return set(e.payload.nodeId, stepState({ status: e.payload.status, mode: e.payload.mode }));
    case 'step.failed':
      // a retry is a wait for the next attempt
      return set(e.payload.nodeId, e.payload.willRetry ? 'waiting' : stepState({ status: 'failed', mode: null, error: e.payload.error }));
    case 'approval.requested':
      return e.payload.status === 'pending' ? set(e.payload.nodeId, 'waiting') : states;
    case 'approval.decided':
      // approved: the step runs next (its own events follow); rejected: it fails
      return e.payload.status === 'approved' ? set(e.payload.nodeId, 'running') : states;
    case 'run.finished': {
      if (e.payload.status !== 'cancelled') return states;
      let next = states;
      for (const [id, s] of Object.entries(states)) if (s === 'pending' || s === 'running' || s === 'waiting') next = { ...next, [id]: 'cancelled' };
      return next;
    }
  }
}

/** Which buttons apply: retry a failed, rejected or cancelled run, cancel one that has not ended. */
export function runControls(status: RunDetail['status']): { retry: boolean; cancel: boolean } {
  return { retry: retriableRunStatuses.has(status), cancel: status === 'queued' || status === 'running' || status === 'waiting' };
}
