import type { BackupPort } from '../../backup-port';
import type { PipelinePort } from '../../pipeline-port';
import type { PaymentLinkPort } from '../../payment-link-port';
import type { AiGeneratePort } from '../../ai-generate-port';
import type { ContentPort } from '../../content-port';
import type { MessagePort } from '../../message-port';
import type { StripeLookupPort } from '../../stripe-lookup-port';
import type { ProductCompilePort } from '../../product-compile-port';
import type { RunResult } from '../../../../shared/contract/workflows';
import type { Approval } from '../../../../shared/contract/approvals';
import type { LaunchStage } from '../../../../shared/stage';
import { terminalRunStatuses, type RunStatus, type RunTrigger, type StepStatus, type WorkflowDocument } from '../../../../shared/workflow';
import type { Clock } from '../../clock';
import type { Db } from '../../db/open';
import type { EventBus } from '../../event-bus';
import { uuidv7 } from '../../ids';
import type { Logger } from '../../logger';
import { Alarm } from '../../alarm';
import type { Timer } from '../../timer';
import { buildGraph, type WorkflowGraph } from '../graph';
import type { StepRegistry } from '../registry';
import { StepError } from '../step';
import type { ApprovalStore, AuditStore } from '../../approvals';
import type { NewRun, RunRow, RunStore } from '../store/run-store';
import type { WorkflowStore } from '../store/workflow-store';
import { Cancelled, emit, endedBy, flushAfter, loadRunState, LostLease, parseJson, rowOf, type RunState, type NodeState } from './run-state';
import { GroupCommit } from './group-commit';
import { isOwnerGone } from '../../process-owner';
import { runnerLimits } from './limits';
import { nextNode } from './next-node';
import { StepRunner } from './one-step';
import { settle } from './settle';
import { StepContexts } from './step-context';
import { waitRule } from './waits';
import { describeInputProblems, runInput } from '../run-input';
import { DrainRate } from './drain-rate';

export { runnerLimits };

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
  /** Backups, for the steps that run them (StepServices.backups). */
  backups?: BackupPort;
  /** The sales pipeline, for the step lead.update (StepServices.pipeline). */
  pipeline?: PipelinePort;
  /** Stripe payment links, for the step stripe.paymentLink (StepServices.payments). */
  payments?: PaymentLinkPort;
  /** The AI model, for the step ai.generate (StepServices.generate). */
  generate?: AiGeneratePort;
  /** The content engine, for the step content.generate (StepServices.content). */
  content?: ContentPort;
  /** Telegram and Slack (StepServices.messages). */
  messages?: MessagePort;
  /** The synced Stripe tables (StepServices.stripeObjects). */
  stripeObjects?: StripeLookupPort;
  /** Product compiles (StepServices.products). */
  products?: ProductCompilePort;
  /**
   * workflows.maxRunsInFlight and workflows.maxQueuedRuns: runs beyond the first stay queued in
   * the database until a slot frees; without it nothing is held back.
   */
  backlog?: () => { maxRunsInFlight: number; maxQueuedRuns: number };
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

/**
 * The durable runner. Every transition is written to SQLite before the work it announces
 * (a step's `running` row before execute, its result before the next step starts) and the
 * run is leased to one process at a time. See ../README.md for states and resume rules.
 */
export class Runner {
  /** Runs driven here; each resolves to the run's final row when it ended here. */
  private readonly active = new Map<string, Promise<RunRow | undefined>>();
  /** How fast runs end here: a full queue's Retry-After. */
  private readonly drained: DrainRate;
  /** Queued rows may exist (true until a look finds none): a run's end then starts the next. */
  private mayHaveQueued = true;
  /** Step summaries of runs that ended here, for result() without reading them back. */
  private readonly endedSteps = new WeakMap<RunRow, RunResult['steps']>();
  private readonly states = new Map<string, RunState>();
  private readonly graphs = new Map<string, WorkflowGraph>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly awaited = new Map<string, number>();
  private background = false;
  private closed = false;
  /** The next due wait of the runs this process drives (all runs, in the background). */
  private readonly wakeAlarm: Alarm;
  private readonly pollAlarm: Alarm;
  private readonly renewAlarm: Alarm;
  private pumping: Promise<string[]> | undefined;
  /** The group commit every run driven here writes its transitions through. */
  private readonly commits: GroupCommit;
  /** Runs one node of a run (one-step.ts). */
  private readonly steps: StepRunner;

  /** One transaction wrapper, made once (better-sqlite3 builds a wrapper per db.transaction call). */
  private readonly tx: <T>(fn: () => T) => T;
  private readonly txImmediate: <T>(fn: () => T) => T;

  constructor(private readonly d: RunnerDeps) {
    this.wakeAlarm = new Alarm(d.timer, d.clock);
    this.pollAlarm = new Alarm(d.timer, d.clock);
    this.renewAlarm = new Alarm(d.timer, d.clock);
    this.drained = new DrainRate(() => d.clock.now());
    const wrapper = d.db.transaction((fn: () => unknown) => fn());
    this.tx = <T>(fn: () => T) => wrapper(fn) as T;
    this.txImmediate = <T>(fn: () => T) => wrapper.immediate(fn) as T;
    this.commits = new GroupCommit(d, this.txImmediate);
    const contexts = new StepContexts(d, (state, n, workflowId, input) => this.startChild(state, n, workflowId, input));
    this.steps = new StepRunner(d, this.commits, contexts, d.random ?? Math.random);
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
    this.pollAlarm.clear();
    this.wakeAlarm.clear();
  }

  /** Stops every timer and hands this process's runs back (another process may resume them). */
  close(): void {
    this.stopBackground();
    this.closed = true;
    this.steps.closed = true;
    this.renewAlarm.clear();
    for (const state of this.states.values()) state.controller?.abort(new LostLease('closing'));
    try {
      // transitions already made are kept, before the runs are handed back
      this.commits.flush();
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

  /**
   * Queue mode: called after each of a run's transitions is committed, before the run acts
   * on it (GroupCommit.afterCommit); it copies the run to the shared store.
   */
  set afterCommit(fn: ((runId: string) => Promise<void>) | undefined) {
    this.commits.afterCommit = fn;
  }

  /**
   * Drives one run handed to this process (a queue worker's claimed job) and resolves with
   * its row once it has ended or parked here; undefined when it was not due or not free.
   */
  async drive(runId: string): Promise<RunRow | undefined> {
    await this.pump(new Set([runId]));
    const driving = this.active.get(runId);
    if (!driving) return undefined;
    await driving;
    return this.d.runs.getRun(runId);
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
    // a child never waits for a slot: its parent may hold the slot it would wait for
    const held = options.parentRunId === undefined && this.atBound();
    const deferred = !held && options.deferInsert === true && limit === undefined && options.dedupeKey === undefined && !this.closed;
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
        const queued = held || (limit !== undefined && options.workflowId !== null && options.parentRunId === undefined && this.d.runs.activeCount(options.workflowId) >= limit);
        if (queued) Object.assign(row, { status: 'queued', owner: null, leaseUntil: null });
        this.d.runs.insertRun(row);
        if (queued) this.mayHaveQueued = true;
        return queued ? 'queued' : 'running';
      };
      status = limit !== undefined ? this.txImmediate(create) : create();
    }
    if (status === 'running' && !deferred) {
      emit(this.d.events, 'run.started', () => ({
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

  /** A step's child run (services.startChildRun): one level deeper, deduplicated per attempt. */
  private startChild(d: RunState, n: NodeState, workflowId: string, input: unknown): string {
    if (d.run.depth + 1 > runnerLimits.maxChildDepth) {
      throw new StepError('CHILD_DEPTH', `child runs may nest at most ${runnerLimits.maxChildDepth} deep`, { retriable: false });
    }
    const row = this.d.workflows.get(workflowId);
    if (!row) throw new StepError('NOT_FOUND', `no workflow has id "${workflowId}"`, { retriable: false });
    const document = this.d.workflows.definition(row.definition_id);
    if (!document) throw new StepError('NOT_FOUND', `workflow "${workflowId}" has no definition`, { retriable: false });
    const checked = runInput(document, 'child', input);
    if (!checked.ok) throw new StepError('BAD_INPUT', `the child workflow "${row.name}" refused its input: ${describeInputProblems(checked.problems)}`, { retriable: false });
    input = checked.value;
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
      if (this.awaited.size === 0 && !this.background) this.wakeAlarm.clear();
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
            emit(this.d.events, 'run.started', () => ({ runId: run.id, workflowId: run.workflow_id, workflowName: run.workflow_name, trigger: run.trigger, resumed: true, at: now }));
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

  /** A slot freed: it goes to the oldest queued run, read from the database. */
  private startQueuedRun(): void {
    if (!this.mayHaveQueued || this.closed) return;
    try {
      this.promoteQueued(undefined, 32);
    } catch (err) {
      if (!this.closed) this.d.log.error({ err: String(err) }, 'starting a queued run failed');
    }
  }

  /** Whether this process executes workflows.maxRunsInFlight runs already. */
  private atBound(): boolean {
    const max = this.d.backlog?.().maxRunsInFlight;
    return max !== undefined && this.active.size >= max;
  }

  /**
   * When the queue of accepted runs has reached workflows.maxQueuedRuns: whole seconds until
   * it has room at the pace runs are ending here; undefined when a new run may be accepted.
   */
  queueFull(): number | undefined {
    const limits = this.d.backlog?.();
    if (!limits || !this.mayHaveQueued) return undefined;
    const queued = this.d.runs.queuedCount();
    if (queued < limits.maxQueuedRuns) return undefined;
    return this.drained.secondsFor(queued - limits.maxQueuedRuns + 1);
  }

  /**
   * Starts queued runs whose workflow has room under its concurrency limit, while this process
   * is under workflows.maxRunsInFlight; `limit` rows are looked at, oldest first.
   */
  private promoteQueued(scope?: Set<string>, limit = 500): string[] {
    const taken: string[] = [];
    const now = this.d.clock.now();
    const rows = this.d.runs.queued(limit);
    if (!scope && rows.length === 0) this.mayHaveQueued = false;
    for (const q of rows) {
      if (this.atBound()) break;
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
      emit(this.d.events, 'run.started', () => ({ runId: run.id, workflowId: run.workflow_id, workflowName: run.workflow_name, trigger: run.trigger, resumed: false, at: now }));
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
    if (this.wakeAlarm.at !== undefined && this.wakeAlarm.at <= target) return;
    const background = this.background;
    this.wakeAlarm.setAt(target, () => void this.pump(background ? undefined : this.awaitedScope()), { unref: background });
  }

  private armPoll(): void {
    if (!this.background || this.closed) return;
    this.pollAlarm.setIn(
      runnerLimits.pollMs,
      () => {
        void this.pump().finally(() => this.armPoll());
      },
      { unref: true },
    );
  }

  private armRenew(): void {
    if (this.renewAlarm.pending || this.closed) return;
    this.renewAlarm.setIn(
      runnerLimits.leaseRenewMs,
      () => {
        if (this.active.size === 0 || this.closed) return;
        try {
          const until = this.d.clock.now() + runnerLimits.leaseMs;
          this.d.runs.renewAll(this.d.owner, until);
          for (const state of this.states.values()) state.leaseUntil = until;
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
      .then(() => this.advance(runId, fresh, unwritten))
      .catch((err: unknown) => {
        if (err instanceof LostLease || this.closed) return undefined;
        this.d.log.error({ runId, err: err instanceof Error ? err.stack : String(err) }, 'workflow runner failed');
      })
      .finally(() => {
        this.active.delete(runId);
        this.states.delete(runId);
        this.notify(runId);
        this.startQueuedRun();
      });
    this.active.set(runId, work);
    // someone waiting on a queued run learns it started (and awaits it) without polling
    this.notify(runId);
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

  /** Runs the run's nodes one after another until it ends or parks. */
  private async advance(runId: string, fresh: boolean, unwritten?: NewRun): Promise<RunRow | undefined> {
    const run = unwritten ? rowOf(unwritten) : this.d.runs.getRun(runId);
    if (!run || run.owner !== this.d.owner || run.status !== 'running') return undefined;
    const d = loadRunState(this.d, this.graphFor(run.definition_id), run, fresh);
    if (unwritten) {
      // written first by the next commit, park or end (see RunState.insert)
      d.insert = unwritten;
      // announced once the row exists
      d.after.push(() =>
        emit(this.d.events, 'run.started', () => ({ runId, workflowId: run.workflow_id, workflowName: run.workflow_name, trigger: run.trigger, resumed: false, at: run.created_at })),
      );
    }
    this.states.set(runId, d);
    for (;;) {
      if (this.closed) throw new LostLease('closed');
      if (d.cancel) return this.finishRun(d, 'cancelled');
      const next = nextNode(this.d, d);
      if (!next) {
        if (d.failed) return this.finishRun(d, endedBy(d.failed));
        const waiting = [...d.nodes.values()].filter((n) => n.status === 'waiting');
        if (waiting.length === 0) return this.finishRun(d, 'succeeded');
        if (this.park(d, waiting)) return undefined;
        continue;
      }
      try {
        await this.steps.runNode(d, next);
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
        settle(this.d, d, next, { status: 'failed', error: { code: 'ENGINE', message: err instanceof Error ? err.message : String(err) } });
        d.failed = { code: 'ENGINE', message: err instanceof Error ? err.message : String(err), nodeId: next.id };
        await this.commits.commit(d);
      }
      if (d.failed) return this.finishRun(d, endedBy(d.failed));
    }
  }

  /** Parks the run (waiting, lease released) unless something became due meanwhile. */
  private park(d: RunState, waiting: NodeState[]): boolean {
    const now = this.d.clock.now();
    let wakeAt: number | null = null;
    for (const n of waiting) {
      const rule = waitRule(n);
      const at = rule ? rule.wakeAt(n, this.d) : n.wakeAt;
      if (at !== null && (wakeAt === null || at < wakeAt)) wakeAt = at;
    }
    const parked = this.txImmediate(() => {
        // a decision or a child's end that landed since the last look must not be missed
        for (const n of waiting) {
          if (waitRule(n)?.changedSinceTried(n, this.d, d.tried.has(n.id), now)) return false;
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
    flushAfter(d);
    d.run.status = 'waiting';
    this.notify(d.run.id);
    if (d.run.parent_run_id) this.notify(d.run.parent_run_id);
    this.armWake();
    return true;
  }

  private async finishRun(d: RunState, status: RunStatus): Promise<RunRow> {
    const now = this.d.clock.now();
    let output: string | null = null;
    if (status === 'succeeded') {
      let last: NodeState | undefined;
      for (const n of d.nodes.values()) if (n.status === 'succeeded' && (!last || n.seq > last.seq)) last = n;
      output = last?.outputJson ?? null;
    }
    const error = status === 'failed' || status === 'rejected' ? (d.failed ?? { code: 'FAILED', message: 'the run failed' }) : status === 'cancelled' ? { code: 'CANCELLED', message: 'the run was cancelled' } : null;
    let cancelledApprovals: Approval[] = [];
    let children: string[] = [];
    const writes = d.writes;
    d.writes = [];
    const insert = d.insert;
    const errorJson = error ? JSON.stringify(error) : null;
    await this.commits.enqueue(() => {
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
    flushAfter(d);
    for (const a of cancelledApprovals) emit(this.d.events, 'approval.decided', () => a);
    d.run.status = status;
    emit(this.d.events, 'run.finished', () => ({
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
  private endedRow(d: RunState, status: RunStatus, output: string | null, error: string | null, now: number): RunRow {
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
    this.drained.ended();
    this.notify(run.id);
    if (run.parent_run_id) {
      this.notify(run.parent_run_id);
      const parentState = this.states.get(run.parent_run_id);
      if (parentState) parentState.tried.clear();
      else if (!this.closed) void this.pump(new Set([run.parent_run_id]));
    }
    if (run.workflow_id !== null && this.d.workflows.definition(run.definition_id)?.concurrency !== undefined && !this.closed) this.promoteQueued();
    try {
      this.d.onRunEnded?.(run);
    } catch (err) {
      this.d.log.warn({ err: String(err) }, 'run-ended hook failed');
    }
  }

  // ---------------------------------------------------------------- control

  /** Cancels a run (and its children): aborts its running step, closes its waits and approvals. */
  async cancel(runId: string): Promise<RunRow | undefined> {
    const run = this.d.runs.getRun(runId);
    if (!run || terminalRunStatuses.has(run.status)) return run;
    const now = this.d.clock.now();
    for (const child of this.d.runs.activeChildren(runId)) await this.cancel(child);
    const state = this.states.get(runId);
    if (state) {
      state.cancel = true;
      this.d.runs.requestCancel(runId, now);
      state.controller?.abort(new Cancelled('cancelled'));
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
      for (const a of approvals) emit(this.d.events, 'approval.decided', () => a);
      emit(this.d.events, 'run.finished', () => ({
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
    const state = this.states.get(runId);
    if (state) state.tried.clear();
    else void this.pump(new Set([runId]));
  }
}
