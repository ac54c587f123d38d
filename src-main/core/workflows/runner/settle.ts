import type { LaunchStage } from '../../../../shared/stage';
import type { StepClass, StepMode, StepStatus } from '../../../../shared/workflow';
import type { Clock } from '../../clock';
import type { EventBus } from '../../event-bus';
import type { AuditDecision, AuditStore } from '../../approvals';
import type { RunStore } from '../store/run-store';
import { emit, runRef, type RunState, type NodeState } from './run-state';

/**
 * A node's transitions as queued writes: the node's state changes in memory at once, its
 * rows are written with the run state's next commit (group-commit.ts).
 */

export interface SettleDeps {
  clock: Clock;
  runs: RunStore;
  events: EventBus;
}

/** Queues the write of a node's new state (committed with the next transition). */
export function settle(
  deps: SettleDeps,
  d: RunState,
  n: NodeState,
  s: {
    status: StepStatus;
    mode?: StepMode | null;
    output?: unknown;
    outputJson?: string;
    port?: string | null;
    error?: { code: string; message: string };
    wakeAt?: number | null;
    duration?: number;
    quiet?: boolean;
  },
): void {
  const now = deps.clock.now();
  n.status = s.status;
  if (s.mode !== undefined) n.mode = s.mode;
  n.port = s.port ?? null;
  n.wakeAt = s.wakeAt ?? null;
  n.error = s.error ? JSON.stringify(s.error) : null;
  if (s.status === 'succeeded') {
    n.output = s.output ?? null;
    n.outputJson = s.outputJson ?? JSON.stringify(s.output ?? null);
    d.context.steps[n.id] = { output: n.output, port: n.port, status: 'succeeded', mode: n.mode };
  } else {
    n.output = undefined;
    n.outputJson = null;
  }
  if (n.seq < 0) n.seq = d.seq++;
  const terminal = s.status === 'succeeded' || s.status === 'failed' || s.status === 'skipped' || s.status === 'cancelled';
  const row = {
    runId: d.run.id,
    nodeId: n.id,
    type: n.def.type,
    class: n.cls,
    status: s.status,
    mode: n.mode,
    attempt: n.attempt,
    attemptBase: n.attemptBase,
    interruptions: n.interruptions,
    input: n.input,
    output: n.outputJson,
    port: n.port,
    error: n.error,
    state: s.status === 'waiting' ? JSON.stringify(n.state) : null,
    wakeAt: n.wakeAt,
    approvalId: n.approvalId,
    seq: n.seq,
    startedAt: n.startedAt,
    finishedAt: terminal ? now : null,
    now,
  };
  d.writes.push(() => deps.runs.settleStep(row));
  // nobody listens: not even the closure is made (this runs for every step)
  if (s.quiet || s.status === 'failed' || !deps.events.hasListeners('step.finished')) return;
  const duration = s.duration ?? (n.startedAt !== null ? now - n.startedAt : 0);
  d.after.push(() =>
    emit(deps.events, 'step.finished', () => ({
      ...runRef(d),
      nodeId: n.id,
      type: n.def.type,
      status: s.status,
      mode: n.mode,
      port: n.port,
      attempt: n.attempt,
      durationMs: duration,
      wakeAt: n.wakeAt,
      at: now,
    })),
  );
}

/** Queues an audit row for a Class B/C step's decision (written with the next commit). */
export function auditRow(audit: AuditStore, d: RunState, n: NodeState, cls: StepClass, stage: LaunchStage, mode: StepMode, decision: AuditDecision, at: number, detail: string | null, approvalId: string | null = n.approvalId): void {
  const entry = {
    at,
    runId: d.run.id,
    nodeId: n.id,
    workflowId: d.run.workflow_id,
    stepType: n.def.type,
    class: cls,
    stage,
    mode,
    decision,
    approvalId,
    attempt: Math.max(1, n.attempt),
    detail,
  };
  d.writes.push(() => audit.insert(entry));
}
