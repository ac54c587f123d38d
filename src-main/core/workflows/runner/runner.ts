import type { EventName, EventPayload } from '../../../../shared/contract';
import type { Approval, RunResult } from '../../../../shared/contract/workflows';
import type { LaunchStage } from '../../../../shared/stage';
import {
  parseDuration,
  terminalRunStatuses,
  type RunStatus,
  type RunTrigger,
  type StepClass,
  type StepMode,
  type StepStatus,
  type WorkflowDocument,
  type WorkflowNode,
} from '../../../../shared/workflow';
import type { Clock } from '../../clock';
import type { Db } from '../../db/open';
import type { EventBus } from '../../event-bus';
import { uuidv7 } from '../../ids';
import type { Logger } from '../../logger';
import type { Timer, TimerHandle } from '../../timer';
import { evaluate, isStatic, resolveTemplates } from '../expressions';
import { buildGraph, type WorkflowGraph } from '../graph';
import type { StepRegistry } from '../registry';
import { StepError, type AnyStepDefinition, type LogLevel, type StepContext, type StepResult } from '../step';
import type { ApprovalStore } from '../store/approval-store';
import type { AuditDecision, AuditStore } from '../store/audit-store';
import type { NewRun, RunRow, RunStore, StepRow } from '../store/run-store';
import type { WorkflowStore } from '../store/workflow-store';
import { Attempt } from './attempt';
import { isOwnerGone } from './lease';
import { gate, type Gate } from './policy';
import { backoffMs, defaultRetry } from './retry';

export interface RunnerDeps {
  db: Db;
  runs: RunStore;
  approvals: ApprovalStore;
  audit: AuditStore;
  workflows: WorkflowStore;
  registry: StepRegistry;
  clock: Clock;
  timer: Timer;
  events: EventBus;
  log: Logger;
  stage: () => LaunchStage;
  owner: string;
  random?: () => number;
  /** Called after any run ends (the scheduler starts a buffered fire). */
  onRunEnded?: (run: RunRow) => void;
}

export interface StartOptions {
  document: WorkflowDocument;
  definitionId: string;
  workflowId: string | null;
  trigger: RunTrigger;
  input: unknown;
  parentRunId?: string;
  parentNodeId?: string;
  depth?: number;
  dedupeKey?: string;
  scheduledFor?: number;
  /**
   * The caller waits for the run and tells nobody its id before then (workflows.run with
   * wait, webhooks answering on finish): the run row is written with its first step's
   * transition instead of on its own, one commit fewer per run.
   */
  deferInsert?: boolean;
  /** Record every Class B/C step (approval gates included) as a dry run; nothing waits for approval. */
  dryRun?: boolean;
}

export const runnerLimits = {
  leaseMs: 60_000,
  leaseRenewMs: 15_000,
  pollMs: 5_000,
  defaultStepTimeoutMs: 300_000,
  maxOutputBytes: 4 * 1024 * 1024,
  maxInterruptions: 5,
  maxChildDepth: 8,
};

type WaitKind = 'retry' | 'delay' | 'child' | 'approval';
interface StoredState {
  wait?: WaitKind;
  step?: unknown;
}

interface NodeState {
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

interface RunContext {
  steps: Record<string, { output: unknown; port: string | null; status: string; mode: StepMode | null }>;
  trigger: unknown;
  input: unknown;
  run: { id: string; workflowId: string | null; workflowName: string; startedAt: number | null };
}

interface Drive {
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
  /** Started (not resumed) by this drive: internal steps need no running row of their own. */
  firstPass: boolean;
}

class LostLease extends Error {}
class Cancelled extends Error {}

/**
 * One run's transition waiting for the group commit. `write` runs inside the shared
 * transaction; it may throw LostLease only before it has written anything.
 */
interface Job {
  write: () => void;
  done: () => void;
  fail: (err: unknown) => void;
}

const noStepErrorCode = 'STEP_ERROR';

function toStepError(err: unknown): StepError {
  if (err instanceof StepError) return err;
  if (err instanceof Error) return new StepError(noStepErrorCode, err.message || err.name, { retriable: true, cause: err });
  return new StepError(noStepErrorCode, typeof err === 'string' ? err : JSON.stringify(err) ?? 'unknown error', { retriable: true });
}

/** The row a NewRun becomes once written. */
function rowOf(r: NewRun): RunRow {
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

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

function parseJson(text: string | null): unknown {
  return text === null ? undefined : (JSON.parse(text) as unknown);
}

/**
 * The durable runner. Every transition is written to SQLite before the work it announces
 * (a step's `running` row before execute, its result before the next step starts) and the
 * run is leased to one process at a time. See ../README.md for states and resume rules.
 */
export class Runner {
  /** Runs driven here; each resolves to the run's final row when it ended here. */
  private readonly active = new Map<string, Promise<RunRow | undefined>>();
  /** Step summaries of runs that ended here, for result() without reading them back. */
  private readonly endedSteps = new WeakMap<RunRow, RunResult['steps']>();
  private readonly drives = new Map<string, Drive>();
  private readonly graphs = new Map<string, WorkflowGraph>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly awaited = new Map<string, number>();
  private readonly random: () => number;
  private background = false;
  private closed = false;
  private wakeHandle: TimerHandle | undefined;
  private wakeTarget: number | undefined;
  private pollHandle: TimerHandle | undefined;
  private renewHandle: TimerHandle | undefined;
  private pumping: Promise<string[]> | undefined;
  /** Transitions of all runs driven here, committed together once the current tick's work is done. */
  private jobs: Job[] = [];
  private flushArmed = false;

  /** One transaction wrapper, made once (better-sqlite3 builds a wrapper per db.transaction call). */
  private readonly tx: <T>(fn: () => T) => T;
  private readonly txImmediate: <T>(fn: () => T) => T;

  constructor(private readonly d: RunnerDeps) {
    this.random = d.random ?? Math.random;
    const wrapper = d.db.transaction((fn: () => unknown) => fn());
    this.tx = <T>(fn: () => T) => wrapper(fn) as T;
    this.txImmediate = <T>(fn: () => T) => wrapper.immediate(fn) as T;
  }

  // ---------------------------------------------------------------- lifecycle

  /** Resumes interrupted runs, fires due waits, promotes queued runs, and keeps doing so. */
  startBackground(): void {
    if (this.background || this.closed) return;
    this.background = true;
    void this.pump();
    this.armPoll();
  }

  stopBackground(): void {
    this.background = false;
    this.pollHandle?.cancel();
    this.pollHandle = undefined;
    this.wakeHandle?.cancel();
    this.wakeHandle = undefined;
    this.wakeTarget = undefined;
  }

  get isBackgroundRunning(): boolean {
    return this.background;
  }

  /** Stops every timer and hands this process's runs back (another process may resume them). */
  close(): void {
    this.stopBackground();
    this.closed = true;
    this.renewHandle?.cancel();
    for (const drive of this.drives.values()) drive.controller?.abort(new LostLease('closing'));
    try {
      // transitions already made are kept, before the runs are handed back
      this.flush();
      this.d.runs.releaseAll(this.d.owner);
    } catch {
      // the database may already be closed
    }
    for (const set of this.waiters.values()) for (const w of set) w();
  }

  /** Resolves when every run this process is executing has finished or parked. */
  async drain(): Promise<void> {
    while (this.active.size > 0) await Promise.allSettled([...this.active.values()]);
  }

  // ---------------------------------------------------------------- starting

  /** Creates a run (queued when the workflow is at its concurrency limit) and starts it. */
  start(options: StartOptions): string {
    const now = this.d.clock.now();
    const id = uuidv7(now);
    const limit = options.document.concurrency;
    const row: NewRun = {
      id,
      workflowId: options.workflowId,
      workflowName: options.document.name,
      definitionId: options.definitionId,
      trigger: options.trigger,
      status: 'running',
      input: options.input === undefined ? null : JSON.stringify(options.input),
      parentRunId: options.parentRunId ?? null,
      parentNodeId: options.parentNodeId ?? null,
      depth: options.depth ?? 0,
      dedupeKey: options.dedupeKey ?? null,
      scheduledFor: options.scheduledFor ?? null,
      owner: this.d.owner,
      leaseUntil: now + runnerLimits.leaseMs,
      wakeAt: null,
      dryRun: options.dryRun ? 1 : 0,
      now,
    };
    const deferred = options.deferInsert === true && limit === undefined && options.dedupeKey === undefined && !this.closed;
    let status: 'running' | 'queued' | 'existing' = 'running';
    if (!deferred) {
      const create = (): typeof status => {
        if (options.dedupeKey) {
          const existing = this.d.runs.runByDedupe(options.dedupeKey);
          if (existing) {
            row.id = existing;
            return 'existing';
          }
        }
        const queued = limit !== undefined && options.workflowId !== null && options.parentRunId === undefined && this.d.runs.activeCount(options.workflowId) >= limit;
        if (queued) Object.assign(row, { status: 'queued', owner: null, leaseUntil: null });
        this.d.runs.insertRun(row);
        return queued ? 'queued' : 'running';
      };
      status = limit !== undefined ? this.txImmediate(create) : create();
    }
    if (status === 'running' && !deferred) {
      this.emit('run.started', () => ({
        runId: id,
        workflowId: options.workflowId,
        workflowName: options.document.name,
        trigger: options.trigger,
        resumed: false,
        at: now,
      }));
      this.launch(id, true);
    } else if (deferred) this.launch(id, true, row);
    return row.id;
  }

  // ---------------------------------------------------------------- waiting

  /**
   * Resolves when the run has ended, or waits for an approval (its own or a child's);
   * with untilEnd only when it has ended. While someone waits, this process wakes the run
   * (and its children) at their wake-up times even without background work.
   */
  async waitSettled(runId: string, options: { untilEnd?: boolean } = {}): Promise<RunRow | undefined> {
    this.awaited.set(runId, (this.awaited.get(runId) ?? 0) + 1);
    try {
      for (;;) {
        const driving = this.active.get(runId);
        // a run that ended here is known as written, without reading it back
        const ended = driving ? await driving : undefined;
        const run = ended ?? this.d.runs.getRun(runId);
        if (!run || this.closed || (options.untilEnd ? terminalRunStatuses.has(run.status) : this.isSettled(run))) return run;
        const changed = new Promise<void>((resolve) => {
          let set = this.waiters.get(runId);
          if (!set) this.waiters.set(runId, (set = new Set()));
          const done = () => {
            set.delete(done);
            resolve();
          };
          set.add(done);
        });
        if (run.status === 'waiting' || run.status === 'queued' || (run.status === 'running' && !this.active.has(runId))) {
          if (!this.active.has(runId)) void this.pump(this.awaitedScope());
          this.armWake();
        }
        // a run driven elsewhere (another process) is polled
        const poll = this.d.timer.after(runnerLimits.pollMs, () => this.notify(runId));
        await changed;
        poll.cancel();
      }
    } finally {
      const left = (this.awaited.get(runId) ?? 1) - 1;
      if (left <= 0) this.awaited.delete(runId);
      else this.awaited.set(runId, left);
      // nobody waits any more: a one-shot process must not be kept alive by our wake-up
      if (this.awaited.size === 0 && !this.background) {
        this.wakeHandle?.cancel();
        this.wakeHandle = undefined;
        this.wakeTarget = undefined;
      }
    }
  }

  /** The runs someone waits on, and their unfinished descendants (a parent waits on its children). */
  private awaitedScope(): Set<string> {
    const scope = new Set(this.awaited.keys());
    const queue = [...scope];
    while (queue.length > 0) {
      for (const child of this.d.runs.activeChildren(queue.pop() as string)) {
        if (!scope.has(child)) {
          scope.add(child);
          queue.push(child);
        }
      }
    }
    return scope;
  }

  private isSettled(run: RunRow): boolean {
    if (terminalRunStatuses.has(run.status)) return true;
    if (run.status !== 'waiting') return false;
    const pending = (id: string) => this.d.approvals.list({ status: 'pending', runId: id, limit: 1 }).length > 0;
    if (pending(run.id)) return true;
    return this.d.runs.activeChildren(run.id).some((child) => pending(child));
  }

  private notify(runId: string): void {
    const set = this.waiters.get(runId);
    if (set) for (const w of [...set]) w();
  }

  /** A snapshot for callers: status and each step's status and attempts. */
  result(runId: string, known?: RunRow): RunResult | undefined {
    const run = known ?? this.d.runs.getRun(runId);
    if (!run) return undefined;
    const steps = (known && this.endedSteps.get(known)) ?? this.d.runs.steps(runId).map((s) => ({ id: s.node_id, status: s.status, attempts: s.attempt }));
    const error = run.error ? (JSON.parse(run.error) as RunResult['error']) : undefined;
    return {
      runId,
      status: run.status,
      steps,
      ...(run.output !== null ? { output: parseJson(run.output) } : {}),
      ...(error ? { error } : {}),
    };
  }

  // ---------------------------------------------------------------- pumping

  /**
   * Takes every run this process may execute now: running runs whose owner is gone
   * (interrupted), waiting runs that are due, queued runs with room. `scope` limits it to
   * some runs (a caller waiting on them); background pumping takes all.
   */
  pump(scope?: Set<string>): Promise<string[]> {
    if (this.closed) return Promise.resolve([]);
    if (this.pumping && !scope) return this.pumping;
    const work = this.pumpOnce(scope).finally(() => {
      if (!scope) this.pumping = undefined;
    });
    if (!scope) this.pumping = work;
    return work;
  }

  private async pumpOnce(scope?: Set<string>): Promise<string[]> {
    const taken: string[] = [];
    try {
      const now = this.d.clock.now();
      const inScope = (id: string) => !scope || scope.has(id);
      for (const r of this.d.runs.runningNotMine(this.d.owner)) {
        if (!inScope(r.id) || this.active.has(r.id)) continue;
        if (!isOwnerGone(r.owner, r.lease_until, now)) continue;
        if (this.d.runs.takeOver(r.id, r.owner, this.d.owner, now + runnerLimits.leaseMs, now)) {
          const run = this.d.runs.getRun(r.id);
          if (run) {
            this.emit('run.started', () => ({ runId: run.id, workflowId: run.workflow_id, workflowName: run.workflow_name, trigger: run.trigger, resumed: true, at: now }));
          }
          taken.push(r.id);
          this.launch(r.id, false);
        }
      }
      for (const id of scope ? [...scope] : this.d.runs.dueWaiting(now)) {
        if (this.active.has(id)) continue;
        const run = scope ? this.d.runs.getRun(id) : undefined;
        if (scope && (!run || run.status !== 'waiting' || run.wake_at === null || run.wake_at > now)) continue;
        if (this.d.runs.claim(id, 'waiting', this.d.owner, now + runnerLimits.leaseMs, now)) {
          taken.push(id);
          this.launch(id, false);
        }
      }
      taken.push(...this.promoteQueued(scope));
    } catch (err) {
      if (!this.closed) this.d.log.error({ err: String(err) }, 'workflow pump failed');
    }
    this.armWake();
    return taken;
  }

  /** Starts queued runs whose workflow has room under its concurrency limit. */
  private promoteQueued(scope?: Set<string>): string[] {
    const taken: string[] = [];
    const now = this.d.clock.now();
    for (const q of this.d.runs.queued()) {
      if (scope && !scope.has(q.id)) continue;
      const run = this.d.runs.getRun(q.id);
      if (!run) continue;
      const doc = this.d.workflows.definition(run.definition_id);
      const limit = doc?.concurrency;
      const claimed = this.txImmediate(() => {
        if (limit !== undefined && q.workflow_id !== null && this.d.runs.activeCount(q.workflow_id) >= limit) return false;
        return this.d.runs.claim(q.id, 'queued', this.d.owner, now + runnerLimits.leaseMs, now);
      });
      if (!claimed) continue;
      this.emit('run.started', () => ({ runId: run.id, workflowId: run.workflow_id, workflowName: run.workflow_name, trigger: run.trigger, resumed: false, at: now }));
      taken.push(q.id);
      this.launch(q.id, true);
    }
    return taken;
  }

  /** One timer at the earliest wake-up this process cares about. */
  private armWake(): void {
    if (this.closed) return;
    let target: number | undefined;
    if (this.background) target = this.d.runs.nextWake();
    else {
      for (const id of this.awaitedScope()) {
        const run = this.d.runs.getRun(id);
        if (run?.status === 'waiting' && run.wake_at !== null && (target === undefined || run.wake_at < target)) target = run.wake_at;
      }
    }
    if (target === undefined) return;
    if (this.wakeHandle && this.wakeTarget !== undefined && this.wakeTarget <= target) return;
    this.wakeHandle?.cancel();
    this.wakeTarget = target;
    const background = this.background;
    this.wakeHandle = this.d.timer.after(Math.max(0, target - this.d.clock.now()), () => {
      this.wakeHandle = undefined;
      this.wakeTarget = undefined;
      void this.pump(background ? undefined : this.awaitedScope());
    }, { unref: background });
  }

  private armPoll(): void {
    if (!this.background || this.closed) return;
    this.pollHandle = this.d.timer.after(
      runnerLimits.pollMs,
      () => {
        void this.pump().finally(() => this.armPoll());
      },
      { unref: true },
    );
  }

  private armRenew(): void {
    if (this.renewHandle || this.closed) return;
    this.renewHandle = this.d.timer.after(
      runnerLimits.leaseRenewMs,
      () => {
        this.renewHandle = undefined;
        if (this.active.size === 0 || this.closed) return;
        try {
          const until = this.d.clock.now() + runnerLimits.leaseMs;
          this.d.runs.renewAll(this.d.owner, until);
          for (const drive of this.drives.values()) drive.leaseUntil = until;
        } catch (err) {
          this.d.log.warn({ err: String(err) }, 'lease renewal failed');
        }
        this.armRenew();
      },
      { unref: true },
    );
  }

  // ---------------------------------------------------------------- driving

  /** Drives a run this process now owns; it starts on the next microtask, outside any open transaction. */
  private launch(runId: string, fresh: boolean, unwritten?: NewRun): void {
    if (this.active.has(runId)) return;
    const work = Promise.resolve()
      .then(() => this.drive(runId, fresh, unwritten))
      .catch((err: unknown) => {
        if (err instanceof LostLease || this.closed) return undefined;
        this.d.log.error({ runId, err: err instanceof Error ? err.stack : String(err) }, 'workflow runner failed');
      })
      .finally(() => {
        this.active.delete(runId);
        this.drives.delete(runId);
        this.notify(runId);
      });
    this.active.set(runId, work);
    this.armRenew();
  }

  private graphFor(definitionId: string): WorkflowGraph {
    let graph = this.graphs.get(definitionId);
    if (!graph) {
      const doc = this.d.workflows.definition(definitionId);
      if (!doc) throw new Error(`workflow definition ${definitionId} is missing`);
      graph = buildGraph(doc, this.d.registry);
      this.graphs.set(definitionId, graph);
    }
    return graph;
  }

  private load(run: RunRow, fresh: boolean): Drive {
    const graph = this.graphFor(run.definition_id);
    const rows = new Map<string, StepRow>(fresh ? [] : this.d.runs.steps(run.id).map((r) => [r.node_id, r]));
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
      const def = this.d.registry.get(node.type);
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

  private async drive(runId: string, fresh: boolean, unwritten?: NewRun): Promise<RunRow | undefined> {
    const run = unwritten ? rowOf(unwritten) : this.d.runs.getRun(runId);
    if (!run || run.owner !== this.d.owner || run.status !== 'running') return undefined;
    const d = this.load(run, fresh);
    if (unwritten) {
      // written first by the next commit, park or end (see Drive.insert)
      d.insert = unwritten;
      // announced once the row exists
      d.after.push(() =>
        this.emit('run.started', () => ({ runId, workflowId: run.workflow_id, workflowName: run.workflow_name, trigger: run.trigger, resumed: false, at: run.created_at })),
      );
    }
    this.drives.set(runId, d);
    for (;;) {
      if (this.closed) throw new LostLease('closed');
      if (d.cancel) return this.finishRun(d, 'cancelled');
      const next = this.nextNode(d);
      if (!next) {
        if (d.failed) return this.finishRun(d, 'failed');
        const waiting = [...d.nodes.values()].filter((n) => n.status === 'waiting');
        if (waiting.length === 0) return this.finishRun(d, 'succeeded');
        if (this.park(d, waiting)) return undefined;
        continue;
      }
      try {
        await this.runNode(d, next);
      } catch (err) {
        if (err instanceof LostLease) throw err;
        if (err instanceof Cancelled) {
          d.cancel = true;
          continue;
        }
        // an engine fault while handling a step: fail the step, never the process
        d.faulted = true;
        this.d.log.error({ runId, nodeId: next.id, err: err instanceof Error ? err.stack : String(err) }, 'step handling failed');
        // writes a failed commit took are gone (the run row, still in d.insert, is not);
        // queued ones (earlier internal steps' results) are kept
        this.settle(d, next, { status: 'failed', error: { code: 'ENGINE', message: err instanceof Error ? err.message : String(err) } });
        d.failed = { code: 'ENGINE', message: err instanceof Error ? err.message : String(err), nodeId: next.id };
        await this.commit(d);
      }
      if (d.failed) return this.finishRun(d, 'failed');
    }
  }

  /** The next node to run: an interrupted one, a due wait, or a pending node whose inputs settled. */
  private nextNode(d: Drive): NodeState | undefined {
    const now = this.d.clock.now();
    for (let changed = true; changed; ) {
      changed = false;
      for (const id of d.graph.order) {
        const n = d.nodes.get(id) as NodeState;
        if (n.status === 'running') return n;
        if (n.status === 'waiting') {
          if (!d.tried.has(id) && this.isDue(n, now)) return n;
          continue;
        }
        if (n.status !== 'pending') continue;
        const incoming = d.graph.incoming.get(id) ?? [];
        if (incoming.length === 0) return n;
        let settled = true;
        let live = false;
        for (const e of incoming) {
          const src = d.nodes.get(e.from) as NodeState;
          if (src.status === 'succeeded') live ||= src.port === e.port;
          else if (src.status !== 'skipped') settled = false;
        }
        if (!settled) continue;
        if (live) return n;
        this.settle(d, n, { status: 'skipped' });
        changed = true;
      }
    }
    return undefined;
  }

  private isDue(n: NodeState, now: number): boolean {
    switch (n.state.wait) {
      case 'retry':
      case 'delay':
        return n.wakeAt === null || n.wakeAt <= now;
      case 'child':
        return true;
      case 'approval': {
        const a = n.approvalId ? this.d.approvals.get(n.approvalId) : undefined;
        return !a || a.status !== 'pending' || (a.expiresAt !== null && a.expiresAt <= now);
      }
      default:
        return true;
    }
  }

  /** Parks the run (waiting, lease released) unless something became due meanwhile. */
  private park(d: Drive, waiting: NodeState[]): boolean {
    const now = this.d.clock.now();
    let wakeAt: number | null = null;
    for (const n of waiting) {
      const at = n.state.wait === 'approval' ? (n.approvalId ? (this.d.approvals.get(n.approvalId)?.expiresAt ?? null) : null) : n.wakeAt;
      if (at !== null && (wakeAt === null || at < wakeAt)) wakeAt = at;
    }
    const parked = this.txImmediate(() => {
        // a decision or a child's end that landed since the last look must not be missed
        for (const n of waiting) {
          if (n.state.wait === 'child' && d.tried.has(n.id)) {
            const childId = (n.state.step as { childRunId?: string } | undefined)?.childRunId;
            const child = childId ? this.d.runs.getRun(childId) : undefined;
            if (child && terminalRunStatuses.has(child.status)) return false;
          }
          if (n.state.wait === 'approval' && this.isDue(n, now)) return false;
        }
        if (d.insert) this.d.runs.insertRun(d.insert);
        for (const w of d.writes) w();
        d.writes = [];
        if (!this.d.runs.park(d.run.id, this.d.owner, wakeAt, now)) throw new LostLease('lost the run while parking');
        return true;
    });
    if (!parked) {
      d.tried.clear();
      return false;
    }
    d.insert = undefined;
    this.flushAfter(d);
    d.run.status = 'waiting';
    this.notify(d.run.id);
    if (d.run.parent_run_id) this.notify(d.run.parent_run_id);
    this.armWake();
    return true;
  }

  private async finishRun(d: Drive, status: RunStatus): Promise<RunRow> {
    const now = this.d.clock.now();
    let output: string | null = null;
    if (status === 'succeeded') {
      let last: NodeState | undefined;
      for (const n of d.nodes.values()) if (n.status === 'succeeded' && (!last || n.seq > last.seq)) last = n;
      output = last?.outputJson ?? null;
    }
    const error = status === 'failed' ? (d.failed ?? { code: 'FAILED', message: 'the run failed' }) : status === 'cancelled' ? { code: 'CANCELLED', message: 'the run was cancelled' } : null;
    let cancelledApprovals: Approval[] = [];
    let children: string[] = [];
    const writes = d.writes;
    d.writes = [];
    const insert = d.insert;
    const errorJson = error ? JSON.stringify(error) : null;
    await this.enqueue(() => {
      // a run never written yet is written as it ended, in one row; otherwise the
      // owner-checked finish doubles as the lease check, so it goes first (nothing written
      // when the run is no longer ours)
      if (insert) this.d.runs.insertEnded(insert, status, output, errorJson, now);
      else if (!this.d.runs.finish(d.run.id, this.d.owner, status, output, errorJson, now)) throw new LostLease('lost the run while finishing');
      for (const w of writes) w();
      if (status !== 'succeeded') {
        this.d.runs.cancelSteps(d.run.id, now);
        cancelledApprovals = this.d.approvals.cancelForRun(d.run.id, 'engine', now, `run ${status}`);
        children = this.d.runs.activeChildren(d.run.id);
      }
      if (d.run.parent_run_id) this.d.runs.wake(d.run.parent_run_id, now, now);
    });
    d.insert = undefined;
    this.flushAfter(d);
    for (const a of cancelledApprovals) this.emit('approval.decided', () => a);
    d.run.status = status;
    this.emit('run.finished', () => ({
      runId: d.run.id,
      workflowId: d.run.workflow_id,
      workflowName: d.run.workflow_name,
      status,
      error,
      durationMs: now - (d.run.started_at ?? d.run.created_at),
      at: now,
    }));
    for (const child of children) void this.cancel(child);
    this.ended(d.run);
    return this.endedRow(d, status, output, errorJson, now);
  }

  /** The run's row and step summaries as finishRun committed them. */
  private endedRow(d: Drive, status: RunStatus, output: string | null, error: string | null, now: number): RunRow {
    const row: RunRow = { ...d.run, status, output, error, finished_at: now, owner: null, lease_until: null, wake_at: null, updated_at: now };
    if (d.cancel) row.cancel_requested = 1;
    if (!d.faulted) {
      const stored = [...d.nodes.values()].filter((n) => n.seq >= 0).sort((a, b) => a.seq - b.seq);
      // as finishRun's cancelSteps left them
      const cut = (s: StepStatus | 'pending'): StepStatus => (status !== 'succeeded' && (s === 'waiting' || s === 'running') ? 'cancelled' : (s as StepStatus));
      this.endedSteps.set(row, stored.map((n) => ({ id: n.id, status: cut(n.status), attempts: n.attempt })));
    }
    return row;
  }

  /** After a run ends here or elsewhere: wake its parent, start queued runs, tell waiters. */
  private ended(run: RunRow): void {
    this.notify(run.id);
    if (run.parent_run_id) {
      this.notify(run.parent_run_id);
      const parentDrive = this.drives.get(run.parent_run_id);
      if (parentDrive) parentDrive.tried.clear();
      else if (!this.closed) void this.pump(new Set([run.parent_run_id]));
    }
    if (run.workflow_id !== null && this.d.workflows.definition(run.definition_id)?.concurrency !== undefined && !this.closed) this.promoteQueued();
    try {
      this.d.onRunEnded?.(run);
    } catch (err) {
      this.d.log.warn({ err: String(err) }, 'run-ended hook failed');
    }
  }

  // ---------------------------------------------------------------- one step

  private async runNode(d: Drive, n: NodeState): Promise<void> {
    const now = this.d.clock.now();
    const def = n.def;
    const wasRunning = n.status === 'running';
    const continuing = n.status === 'waiting' && (n.state.wait === 'delay' || n.state.wait === 'child');
    d.tried.add(n.id);

    let params: unknown;
    try {
      const raw = n.node.params;
      const resolved = isStatic(raw) ? raw : await resolveTemplates(raw, d.context, new Set(def.expressionParams ?? []));
      const parsed = def.params.safeParse(resolved);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new StepError('BAD_PARAMS', `params${issue?.path.length ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'invalid'}`, { retriable: false });
      }
      params = parsed.data;
    } catch (err) {
      const e = toStepError(err);
      this.settle(d, n, { status: 'failed', error: { code: e.code, message: e.message } });
      this.failRun(d, n, e, false);
      await this.commit(d);
      return;
    }
    const cls = this.d.registry.effectiveClass(def, params, n.node.class);
    n.cls = cls;
    const stage = this.d.stage();
    const inputJson = JSON.stringify(params) ?? null;
    n.input = inputJson;

    // the launch-stage gate (ARCHITECTURE §4)
    let approval = n.approvalId ? this.d.approvals.get(n.approvalId) : undefined;
    // a dry run asks nobody: every Class B/C step records its preview instead
    const decision: Gate =
      d.run.dry_run === 1 && cls !== 'A'
        ? { action: 'dry-run', decision: 'dry-run' }
        : gate(cls, stage, n.node.approval, approval ? { status: approval.status, expiresAt: approval.expiresAt } : undefined, now);
    if (approval?.status === 'pending' && decision.action !== 'wait' && decision.action !== 'run') {
      if (this.d.approvals.decide(approval.id, 'expired', 'timeout', now, 'no decision before the timeout')) {
        approval = this.d.approvals.get(approval.id);
        const decided = approval;
        if (decided) d.after.push(() => this.emit('approval.decided', () => decided));
      }
    }
    if (approval?.status === 'pending' && decision.action === 'run') {
      // e.g. a Class B step asked in pre-launch, and the stage is post-launch now
      if (this.d.approvals.decide(approval.id, 'cancelled', 'engine', now, 'no longer needed: the step may run without approval')) {
        const decided = this.d.approvals.get(approval.id);
        if (decided) d.after.push(() => this.emit('approval.decided', () => decided));
      }
    }
    switch (decision.action) {
      case 'wait':
        return;
      case 'ask':
        return this.askApproval(d, n, this.context(d, n, params, stage, new AbortController()), cls, stage);
      case 'fail': {
        this.auditRow(d, n, cls, stage, 'blocked', decision.decision, now, approval?.reason ?? null);
        const who = approval?.decidedBy ? ` by ${approval.decidedBy}` : '';
        const why = approval?.reason ? `: ${approval.reason}` : '';
        const e =
          decision.decision === 'rejected'
            ? new StepError('APPROVAL_REJECTED', `approval rejected${who}${why}`, { retriable: false })
            : new StepError('APPROVAL_EXPIRED', 'no decision before the approval timed out', { retriable: false });
        this.settle(d, n, { status: 'failed', error: { code: e.code, message: e.message }, mode: 'blocked' });
        this.failRun(d, n, e, false);
        await this.commit(d);
        return;
      }
      case 'skip':
        this.auditRow(d, n, cls, stage, 'blocked', decision.decision, now, 'skipped: approval timed out');
        this.settle(d, n, { status: 'skipped', mode: 'blocked' });
        await this.commit(d);
        return;
      case 'dry-run': {
        let preview: unknown;
        try {
          preview = def.preview ? await def.preview(this.context(d, n, params, stage, new AbortController())) : { type: def.type, params };
        } catch (err) {
          preview = { error: toStepError(err).message };
        }
        const output = { dryRun: true, preview: preview ?? null };
        this.auditRow(d, n, cls, stage, 'dry-run', decision.decision, now, JSON.stringify(preview ?? null));
        this.settle(d, n, { status: 'succeeded', mode: 'dry-run', output, port: def.ports.length === 1 ? (def.ports[0] as string) : null });
        await this.commit(d);
        return;
      }
      case 'run':
        break;
    }

    // a real attempt: persisted (with its audit row for B/C) before the step runs
    if (wasRunning) {
      n.interruptions++;
      if (n.interruptions > runnerLimits.maxInterruptions) {
        const e = new StepError('INTERRUPTED', `the step was cut off ${n.interruptions} times (process killed mid-step)`, { retriable: false });
        this.settle(d, n, { status: 'failed', error: { code: e.code, message: e.message } });
        this.failRun(d, n, e, false);
        await this.commit(d);
        return;
      }
    } else if (!continuing) n.attempt++;
    if (n.attempt === 0) n.attempt = 1;
    if (n.seq < 0) n.seq = d.seq++;
    n.status = 'running';
    n.mode = 'real';
    n.startedAt = now;
    const stepState = n.state.step;
    // An internal step (nothing it does leaves the engine: its result, log lines and events
    // are committed or sent with its result) on a run's first pass in this process has no
    // effect to announce first: its row is written once, with the next transition. Resumed
    // runs write every running row first, so the interruption count holds after a crash.
    const unannounced = d.firstPass && cls === 'A' && def.internal === true && !wasRunning && !continuing;
    if (unannounced) {
      if (this.d.events.hasListeners('step.started')) d.after.push(() => this.emit('step.started', () => ({ ...this.runRef(d), nodeId: n.id, type: def.type, class: cls, attempt: n.attempt, at: now })));
    } else await this.announce(d, n, cls, stage, decision.decision, inputJson, now);

    // execute, bounded by the step's timeout and by cancel
    const attempt = new Attempt();
    d.controller = attempt;
    const runCtx = this.context(d, n, params, stage, attempt, stepState);
    let result: StepResult | undefined;
    let failure: StepError | undefined;
    let timeout: TimerHandle | undefined;
    try {
      const began = this.d.clock.now();
      const out = def.execute(runCtx);
      if (isThenable(out)) {
        // only a step that did not finish at once can run out of time or be cut short
        const timeoutMs = n.node.timeout ? (parseDuration(n.node.timeout) ?? runnerLimits.defaultStepTimeoutMs) : (def.defaultTimeoutMs ?? runnerLimits.defaultStepTimeoutMs);
        const left = Math.max(0, timeoutMs - (this.d.clock.now() - began));
        timeout = this.d.timer.after(left, () => attempt.abort(new StepError('TIMEOUT', `the step took longer than ${timeoutMs} ms`)), { unref: true });
        result = await attempt.race(out);
      } else result = out;
    } catch (err) {
      if (err instanceof LostLease) throw err;
      if (d.cancel || attempt.reason instanceof Cancelled) {
        this.settle(d, n, { status: 'cancelled', error: { code: 'CANCELLED', message: 'cancelled while running' } });
        await this.commit(d);
        throw new Cancelled();
      }
      failure = toStepError(attempt.aborted && attempt.reason instanceof StepError ? attempt.reason : err);
    } finally {
      timeout?.cancel();
      d.controller = undefined;
    }
    if (this.closed) throw new LostLease('closed');
    const finished = this.d.clock.now();

    if (result && 'wait' in result) {
      n.state = { wait: result.wait.reason, step: result.wait.state };
      this.settle(d, n, { status: 'waiting', wakeAt: result.wait.until, mode: 'real' });
      await this.commit(d);
      return;
    }
    if (result) {
      const port = result.port ?? (def.ports.length === 1 ? (def.ports[0] as string) : null);
      if (port !== null && !def.ports.includes(port)) failure = new StepError('BAD_PORT', `the step chose port "${port}", which it does not have`, { retriable: false });
      else {
        const json = JSON.stringify(result.output ?? null);
        if (json.length > runnerLimits.maxOutputBytes) {
          failure = new StepError('OUTPUT_TOO_LARGE', `the output is larger than ${runnerLimits.maxOutputBytes} bytes`, { retriable: false });
        } else {
          n.state = {};
          this.settle(d, n, { status: 'succeeded', mode: 'real', output: result.output ?? null, outputJson: json, port, duration: finished - now });
          // a side effect's result is committed at once; internal steps ride with the next transition
          if (cls !== 'A') await this.commit(d);
          return;
        }
      }
    }
    const e = failure ?? new StepError(noStepErrorCode, 'the step returned nothing', { retriable: false });
    const policy = n.node.retry ?? defaultRetry;
    const used = n.attempt - n.attemptBase;
    if (e.retriable && used < policy.maxAttempts) {
      const retryAt = finished + backoffMs(policy, used, this.random);
      n.state = { wait: 'retry' };
      this.settle(d, n, { status: 'waiting', wakeAt: retryAt, error: { code: e.code, message: e.message }, quiet: true });
      d.after.push(() =>
        this.emit('step.failed', () => ({ ...this.runRef(d), nodeId: n.id, type: def.type, attempt: n.attempt, error: { code: e.code, message: e.message }, willRetry: true, retryAt, at: finished })),
      );
      await this.commit(d);
      return;
    }
    this.settle(d, n, { status: 'failed', error: { code: e.code, message: e.message } });
    this.failRun(d, n, e, false);
    await this.commit(d);
  }

  /** A real attempt's running row (and audit row for B/C), committed before the step runs. */
  private async announce(d: Drive, n: NodeState, cls: StepClass, stage: LaunchStage, decision: AuditDecision, inputJson: string | null, now: number): Promise<void> {
    const storedState = JSON.stringify(n.state);
    d.writes.push(() =>
      this.d.runs.startStep({
        runId: d.run.id,
        nodeId: n.id,
        type: n.def.type,
        class: cls,
        mode: 'real',
        attempt: n.attempt,
        attemptBase: n.attemptBase,
        interruptions: n.interruptions,
        input: inputJson,
        state: storedState,
        seq: n.seq,
        now,
      }),
    );
    if (cls !== 'A') this.auditRow(d, n, cls, stage, 'real', decision, now, null);
    await this.commit(d);
    // closed or cancelled while the commit was pending: the step must not start now
    if (this.closed) throw new LostLease('closed');
    if (d.cancel) throw new Cancelled();
    this.emit('step.started', () => ({ ...this.runRef(d), nodeId: n.id, type: n.def.type, class: cls, attempt: n.attempt, at: now }));
  }

  private failRun(d: Drive, n: NodeState, e: StepError, willRetry: boolean): void {
    d.failed = { code: e.code, message: e.message, nodeId: n.id };
    const at = this.d.clock.now();
    d.after.push(() =>
      this.emit('step.failed', () => ({ ...this.runRef(d), nodeId: n.id, type: n.def.type, attempt: n.attempt, error: { code: e.code, message: e.message, nodeId: n.id }, willRetry, retryAt: null, at })),
    );
  }

  private askApproval(d: Drive, n: NodeState, ctx: StepContext<unknown>, cls: StepClass, stage: LaunchStage): Promise<void> {
    return (async () => {
      const now = this.d.clock.now();
      let preview: unknown;
      try {
        preview = n.def.preview ? await n.def.preview(ctx) : { type: n.def.type, params: ctx.params };
      } catch (err) {
        preview = { error: toStepError(err).message };
      }
      const policy = n.node.approval;
      const timeoutMs = policy?.timeout ? (parseDuration(policy.timeout) ?? null) : null;
      const message =
        policy?.message ??
        (preview && typeof preview === 'object' && typeof (preview as { message?: unknown }).message === 'string'
          ? (preview as { message: string }).message
          : `Run ${n.def.title} step "${n.node.name ?? n.id}" (class ${cls}) in "${d.run.workflow_name}"`);
      const id = uuidv7(now);
      const expiresAt = timeoutMs === null ? null : now + timeoutMs;
      d.writes.push(() =>
        this.d.approvals.insert({
          id,
          runId: d.run.id,
          nodeId: n.id,
          workflowId: d.run.workflow_id,
          workflowName: d.run.workflow_name,
          stepType: n.def.type,
          class: cls,
          stage,
          message,
          preview: JSON.stringify(preview ?? null),
          requestedBy: `workflow "${d.run.workflow_name}" (${d.run.trigger} run ${d.run.id})`,
          requestedAt: now,
          expiresAt,
          onTimeout: policy?.onTimeout ?? 'reject',
        }),
      );
      n.approvalId = id;
      n.state = { wait: 'approval' };
      this.settle(d, n, { status: 'waiting', wakeAt: expiresAt, mode: null });
      d.after.push(() => {
        const a = this.d.approvals.get(id);
        if (a) this.emit('approval.requested', () => a);
      });
      await this.commit(d);
    })();
  }

  /** Queues the write of a node's new state (committed with the next transition). */
  private settle(
    d: Drive,
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
    const now = this.d.clock.now();
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
    d.writes.push(() => this.d.runs.settleStep(row));
    // nobody listens: not even the closure is made (this runs for every step)
    if (s.quiet || s.status === 'failed' || !this.d.events.hasListeners('step.finished')) return;
    const duration = s.duration ?? (n.startedAt !== null ? now - n.startedAt : 0);
    d.after.push(() =>
      this.emit('step.finished', () => ({
        ...this.runRef(d),
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

  private auditRow(d: Drive, n: NodeState, cls: StepClass, stage: LaunchStage, mode: StepMode, decision: AuditDecision, at: number, detail: string | null): void {
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
      approvalId: n.approvalId,
      attempt: Math.max(1, n.attempt),
      detail,
    };
    d.writes.push(() => this.d.audit.insert(entry));
  }

  /** Writes the queued transitions with the lease check (group commit), then emits. */
  private async commit(d: Drive): Promise<void> {
    const writes = d.writes;
    d.writes = [];
    const insert = d.insert;
    await this.enqueue(() => {
      // a run inserted by this very commit is ours by construction: nothing to check
      if (insert) this.d.runs.insertRun(insert);
      else this.holdLease(d);
      for (const w of writes) w();
    });
    d.insert = undefined;
    this.flushAfter(d);
  }

  /**
   * Inside a commit: throws LostLease (before anything is written) when the run is no
   * longer ours, and notes a cancel asked by another process.
   */
  private holdLease(d: Drive): void {
    const now = this.d.clock.now();
    // renew the lease when a third of it is used; otherwise only check it (no page write)
    const renew = d.leaseUntil - now < (runnerLimits.leaseMs * 2) / 3;
    const lease = renew ? this.d.runs.touch(d.run.id, this.d.owner, now + runnerLimits.leaseMs, now) : this.d.runs.check(d.run.id, this.d.owner);
    if (!lease) throw new LostLease(`run ${d.run.id} is no longer ours`);
    if (renew) d.leaseUntil = now + runnerLimits.leaseMs;
    if (lease.cancel) d.cancel = true;
  }

  /**
   * Group commit: a transition resolves once it is committed, in one transaction with every
   * other transition queued in the same tick (the runs driven here advance together, so a
   * commit is shared instead of paid per step). Nobody acts on a transition before that:
   * the step runs, and the run is reported, only when the promise resolves.
   */
  private enqueue(write: () => void): Promise<void> {
    return new Promise<void>((done, fail) => {
      this.jobs.push({ write, done, fail });
      if (!this.flushArmed) {
        this.flushArmed = true;
        // after the current microtasks: every run that can reach its next commit this tick has
        process.nextTick(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushArmed = false;
    const jobs = this.jobs;
    this.jobs = [];
    if (jobs.length === 0) return;
    const lost: [Job, unknown][] = [];
    try {
      this.txImmediate(() => {
        for (const job of jobs) {
          try {
            job.write();
          } catch (err) {
            // the job wrote nothing (see Job): the others commit
            if (!(err instanceof LostLease)) throw err;
            lost.push([job, err]);
          }
        }
      });
    } catch {
      // a write failed: redo each alone, so that only the one at fault fails
      for (const job of jobs) {
        try {
          this.txImmediate(job.write);
          job.done();
        } catch (err) {
          job.fail(err);
        }
      }
      return;
    }
    const failed = new Set(lost.map(([job]) => job));
    for (const [job, err] of lost) job.fail(err);
    for (const job of jobs) if (!failed.has(job)) job.done();
  }

  private flushAfter(d: Drive): void {
    const after = d.after;
    d.after = [];
    for (const fn of after) fn();
  }

  private context(d: Drive, n: NodeState, params: unknown, stage: LaunchStage, abort: { readonly signal: AbortSignal }, state?: unknown): StepContext<unknown> {
    // the getters below run with the context object as `this`
    const runner = this;
    let services: StepContext<unknown>['services'] | undefined;
    return {
      params,
      runId: d.run.id,
      nodeId: n.id,
      workflowId: d.run.workflow_id,
      idempotencyKey: `${d.run.id}:${n.id}`,
      attempt: Math.max(1, n.attempt),
      stage,
      // made when the step first reads it (Attempt)
      get signal() {
        return abort.signal;
      },
      now: () => this.d.clock.now(),
      state,
      log: (level: LogLevel, message: string, data?: unknown) => {
        const at = this.d.clock.now();
        const json = data === undefined ? null : (JSON.stringify(data) ?? null);
        d.writes.push(() => this.d.runs.log(d.run.id, n.id, at, level, message, json));
      },
      evaluate: (expression: string) => evaluate(expression, d.context),
      // made on first use: most steps never call a service
      get services() {
        return (services ??= runner.services(d, n));
      },
    };
  }

  private services(d: Drive, n: NodeState): StepContext<unknown>['services'] {
    return {
      notifyFounder: (note) => {
        const at = this.d.clock.now();
        const id = uuidv7(at);
        d.writes.push(() => this.d.runs.log(d.run.id, n.id, at, note.level === 'error' ? 'error' : note.level === 'warning' ? 'warn' : 'info', `notify: ${note.title}`, JSON.stringify({ id, ...note })));
        d.after.push(() => this.emit('founder.notified', () => ({ id, ...this.runRef(d), nodeId: n.id, title: note.title, body: note.body, level: note.level, at })));
        return id;
      },
      startChildRun: (workflowId: string, input: unknown) => this.startChild(d, n, workflowId, input),
      childResult: (runId: string) => {
        const child = this.d.runs.getRun(runId);
        if (!child || !terminalRunStatuses.has(child.status)) return undefined;
        const error = child.error ? (JSON.parse(child.error) as { message: string }).message : undefined;
        return { status: child.status as 'succeeded' | 'failed' | 'cancelled', output: parseJson(child.output), ...(error ? { error } : {}) };
      },
    };
  }

  private startChild(d: Drive, n: NodeState, workflowId: string, input: unknown): string {
    if (d.run.depth + 1 > runnerLimits.maxChildDepth) {
      throw new StepError('CHILD_DEPTH', `child runs may nest at most ${runnerLimits.maxChildDepth} deep`, { retriable: false });
    }
    const row = this.d.workflows.get(workflowId);
    if (!row) throw new StepError('NOT_FOUND', `no workflow has id "${workflowId}"`, { retriable: false });
    const document = this.d.workflows.definition(row.definition_id);
    if (!document) throw new StepError('NOT_FOUND', `workflow "${workflowId}" has no definition`, { retriable: false });
    return this.start({
      document,
      definitionId: row.definition_id,
      workflowId: row.id,
      trigger: 'child',
      input,
      parentRunId: d.run.id,
      parentNodeId: n.id,
      depth: d.run.depth + 1,
      dedupeKey: `child:${d.run.id}:${n.id}:${n.attempt}`,
      dryRun: d.run.dry_run === 1,
    });
  }

  private runRef(d: Drive): { runId: string; workflowId: string | null; workflowName: string } {
    return { runId: d.run.id, workflowId: d.run.workflow_id, workflowName: d.run.workflow_name };
  }

  /** Events cost a contract check each: built only when someone listens. */
  private emit<E extends EventName>(name: E, payload: () => EventPayload<E>): void {
    if (!this.d.events.hasListeners(name)) return;
    this.d.events.emit(name, payload());
  }

  // ---------------------------------------------------------------- control

  /** Cancels a run (and its children): aborts its running step, closes its waits and approvals. */
  async cancel(runId: string): Promise<RunRow | undefined> {
    const run = this.d.runs.getRun(runId);
    if (!run || terminalRunStatuses.has(run.status)) return run;
    const now = this.d.clock.now();
    for (const child of this.d.runs.activeChildren(runId)) await this.cancel(child);
    const drive = this.drives.get(runId);
    if (drive) {
      drive.cancel = true;
      this.d.runs.requestCancel(runId, now);
      drive.controller?.abort(new Cancelled('cancelled'));
      await this.active.get(runId);
      return this.d.runs.getRun(runId);
    }
    const goneOwner = run.status === 'running' && isOwnerGone(run.owner, run.lease_until, now) ? run.owner : null;
    let approvals: Approval[] = [];
    const done = this.txImmediate(() => {
        const ok = this.d.runs.cancelIdle(runId, goneOwner, JSON.stringify({ code: 'CANCELLED', message: 'the run was cancelled' }), now);
        if (!ok) {
          this.d.runs.requestCancel(runId, now);
          return false;
        }
        this.d.runs.cancelSteps(runId, now);
        approvals = this.d.approvals.cancelForRun(runId, 'founder', now, 'run cancelled');
        if (run.parent_run_id) this.d.runs.wake(run.parent_run_id, now, now);
        return true;
    });
    const after = this.d.runs.getRun(runId);
    if (done && after) {
      for (const a of approvals) this.emit('approval.decided', () => a);
      this.emit('run.finished', () => ({
        runId,
        workflowId: after.workflow_id,
        workflowName: after.workflow_name,
        status: 'cancelled',
        error: { code: 'CANCELLED', message: 'the run was cancelled' },
        durationMs: now - (after.started_at ?? after.created_at),
        at: now,
      }));
      this.ended(after);
    }
    return after;
  }

  /** Re-opens a failed or cancelled run at its failed steps (finished steps stay) and runs it. */
  retry(runId: string): boolean {
    const now = this.d.clock.now();
    const reopened = this.txImmediate(() => this.d.runs.reopen(runId, now));
    if (!reopened) return false;
    void this.pump(new Set([runId]));
    return true;
  }

  /** Makes a waiting run due now and, unless another process holds it, runs it here. */
  wake(runId: string): void {
    const now = this.d.clock.now();
    this.d.runs.wake(runId, now, now);
    const drive = this.drives.get(runId);
    if (drive) drive.tried.clear();
    else void this.pump(new Set([runId]));
  }
}
