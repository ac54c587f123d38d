import type { Tone } from '../../../components/tone';

/** How a node looks in a run: the run view colours each node from the engine's events. */
export type NodeRunState = 'running' | 'succeeded' | 'failed' | 'rejected' | 'waiting' | 'dry-run' | 'skipped' | 'cancelled' | 'pending';

export const nodeRunStateLabels: Record<NodeRunState, string> = {
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  rejected: 'Rejected',
  waiting: 'Waiting',
  'dry-run': 'Only dry-ran',
  skipped: 'Skipped',
  cancelled: 'Cancelled',
  pending: 'Not run yet',
};

/** The colour of each state, wherever a node's state is shown. */
export const nodeRunStateTone: Record<NodeRunState, Tone> = { running: 'info', succeeded: 'good', failed: 'bad', rejected: 'plan', waiting: 'warn', 'dry-run': 'plan', skipped: 'muted', cancelled: 'muted', pending: 'muted' };

/** The trigger is drawn as its own first node; it is not part of the document's nodes. */
export const TRIGGER_NODE_ID = '__trigger__';
