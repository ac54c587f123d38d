import type { EventName, EventPayload } from '../../../../shared/contract';
import { approvalRejectedCode, type StepClass, type StepMode, type StepStatus, type WorkflowNode } from '../../../../shared/workflow';
import type { EventBus } from '../../event-bus';
import type { WorkflowGraph } from '../graph';
import type { StepRegistry } from '../registry';
import { StepError, type AnyStepDefinition } from '../step';
import type { NewRun, RunRow, RunStore, StepRow } from '../store/run-store';
import type { Attempt } from './attempt';

/**
 * A run as one process drives it: the state every piece of the runner shares (runner.ts
 * drives it, one-step.ts runs its nodes, group-commit.ts commits what they queue).
 */

/** What a waiting node waits for; waits.ts gives each kind its rule. */
export type WaitKind = 'retry' | 'delay' | 'child' | 'approval';
export interface StoredState {
  wait?: WaitKind;
  step?: unknown;
}

export interface NodeState {
  id: string;
  node: WorkflowNode;
  def: AnyStepDefinition;
  status: StepStatus | 'pending';
  cls: StepClass;
  mode: StepMode | null;
  attempt: number;
  attemptBase: number;
  interruptions: number;
  input: string | null;
  output: unknown;
  outputJson: string | null;
  port: string | null;
  error: string | null;
  state: StoredState;
  wakeAt: number | null;
  approvalId: string | null;
  seq: number;
  startedAt: number | null;
}

export interface RunContext {
  steps: Record<string, { output: unknown; port: string | null; status: string; mode: StepMode | null }>;
  trigger: unknown;
  input: unknown;
  run: { id: string; workflowId: string | null; workflowName: string; startedAt: number | null };
}

/** A step error with this code ends its run as `rejected` (the founder said no), not `failed`. */
export const rejectedCode = approvalRejectedCode;

/** How a run that stopped at a failed step ends. */
export function endedBy(failure: { code: string }): 'failed' | 'rejected' {
  return failure.code === rejectedCode ? 'rejected' : 'failed';
}

export interface RunState {
  run: RunRow;
  /** The run row itself is not written yet (deferInsert): the first commit, park or end writes it, before anything else. */
  insert: NewRun | undefined;
  /** Our lease as last written. */
  leaseUntil: number;
  graph: WorkflowGraph;
  nodes: Map<string, NodeState>;
  context: RunContext;
  seq: number;
  tried: Set<string>;
  cancel: boolean;
  failed: { code: string; message: string; nodeId: string } | undefined;
  controller: Attempt | undefined;
  writes: (() => void)[];
  after: (() => void)[];
  /** An engine fault dropped queued writes: memory may differ from the rows. */
  faulted: boolean;
  /** Started (not resumed) in this process: internal steps need no running row of their own. */
  firstPass: boolean;
}

export class LostLease extends Error {}
export class Cancelled extends Error {}

export const noStepErrorCode = 'STEP_ERROR';

export function toStepError(err: unknown): StepError {
  if (err instanceof StepError) return err;
  if (err instanceof Error) return new StepError(noStepErrorCode, err.message || err.name, { retriable: true, cause: err });
  return new StepError(noStepErrorCode, typeof err === 'string' ? err : JSON.stringify(err) ?? 'unknown error', { retriable: true });
}

export function parseJson(text: string | null): unknown {
  return text === null ? undefined : (JSON.parse(text) as unknown);
}

export function runRef(d: RunState): { runId: string; workflowId: string | null; workflowName: string } {
  return { runId: d.run.id, workflowId: d.run.workflow_id, workflowName: d.run.workflow_name };
}

/** Events cost a contract check each: built only when someone listens. */
export function emit<E extends EventName>(events: EventBus, name: E, payload: () => EventPayload<E>): void {
  if (!events.hasListeners(name)) return;
  events.emit(name, payload());
}

/** Runs what waited for the run's last commit (events, mostly). */
export function flushAfter(d: RunState): void {
  const after = d.after;
  d.after = [];
  for (const fn of after) fn();
}

/** The row a NewRun becomes once written. */
export function rowOf(r: NewRun): RunRow {
  return {
    id: r.id,
    workflow_id: r.workflowId,
    workflow_name: r.workflowName,
    definition_id: r.definitionId,
    trigger: r.trigger,
    status: r.status,
    input: r.input,
    output: null,
    error: null,
    parent_run_id: r.parentRunId,
    parent_node_id: r.parentNodeId,
    depth: r.depth,
    dedupe_key: r.dedupeKey,
    scheduled_for: r.scheduledFor,
    owner: r.owner,
    lease_until: r.leaseUntil,
    wake_at: r.wakeAt,
    cancel_requested: 0,
    dry_run: r.dryRun,
    created_at: r.now,
    started_at: r.status === 'running' ? r.now : null,
    finished_at: null,
    updated_at: r.now,
  };
}

export interface LoadDeps {
  runs: RunStore;
  registry: StepRegistry;
}

/** A run's state as its rows left it (none yet when fresh). */
export function loadRunState(deps: LoadDeps, graph: WorkflowGraph, run: RunRow, fresh: boolean): RunState {
  const rows = new Map<string, StepRow>(fresh ? [] : deps.runs.steps(run.id).map((r) => [r.node_id, r]));
  const input = parseJson(run.input);
  const context: RunContext = {
    steps: {},
    trigger: input,
    input,
    run: { id: run.id, workflowId: run.workflow_id, workflowName: run.workflow_name, startedAt: run.started_at },
  };
  const nodes = new Map<string, NodeState>();
  let seq = 0;
  for (const id of graph.order) {
    const node = graph.nodes.get(id) as WorkflowNode;
    const def = deps.registry.get(node.type);
    if (!def) throw new Error(`step type ${node.type} is not registered`);
    const row = rows.get(id);
    const state: NodeState = {
      id,
      node,
      def,
      status: row ? row.status : 'pending',
      cls: row?.class ?? node.class ?? def.class,
      mode: row?.mode ?? null,
      attempt: row?.attempt ?? 0,
      attemptBase: row?.attempt_base ?? 0,
      interruptions: row?.interruptions ?? 0,
      input: row?.input ?? null,
      output: row ? parseJson(row.output) : undefined,
      outputJson: row?.output ?? null,
      port: row?.port ?? null,
      error: row?.error ?? null,
      state: row?.state ? (JSON.parse(row.state) as StoredState) : {},
      wakeAt: row?.wake_at ?? null,
      approvalId: row?.approval_id ?? null,
      seq: row?.seq ?? -1,
      startedAt: row?.started_at ?? null,
    };
    if (row) seq = Math.max(seq, row.seq + 1);
    nodes.set(id, state);
    if (state.status === 'succeeded') context.steps[id] = { output: state.output, port: state.port, status: state.status, mode: state.mode };
  }
  return { run, insert: undefined, leaseUntil: run.lease_until ?? 0, graph, nodes, context, seq, tried: new Set(), cancel: run.cancel_requested === 1, failed: undefined, controller: undefined, writes: [], after: [], faulted: false, firstPass: fresh };
}
