import type { LaunchStage } from '../../../../shared/stage';
import { parseDuration, retryPolicySchema, type StepClass, type WorkflowNode } from '../../../../shared/workflow';
import type { Clock } from '../../clock';
import type { EventBus } from '../../event-bus';
import { backoffDelay, type RetryPolicy } from '../../retry';
import type { Timer, TimerHandle } from '../../timer';
import { isStatic, isThenable, resolveTemplates } from '../expressions';
import type { StepRegistry } from '../registry';
import { StepError, type AnyStepDefinition, type StepResult } from '../step';
import type { ApprovalStore, AuditDecision, AuditStore } from '../../approvals';
import type { RunStore } from '../store/run-store';
import { askApproval } from './ask-approval';
import { Attempt } from './attempt';
import { Cancelled, emit, LostLease, noStepErrorCode, rejectedCode, runRef, toStepError, type RunState, type NodeState } from './run-state';
import type { GroupCommit } from './group-commit';
import { runnerLimits } from './limits';
import { gate, type Gate } from './policy';
import { coveredBy } from './covered-by';
import { auditRow, settle } from './settle';
import type { StepContexts } from './step-context';
import { waitRule } from './waits';

export interface StepRunnerDeps {
  runs: RunStore;
  approvals: ApprovalStore;
  audit: AuditStore;
  registry: StepRegistry;
  clock: Clock;
  timer: Timer;
  events: EventBus;
  stage: () => LaunchStage;
}

/** A node without `retry`: the file format's defaults (one try, nothing to wait for). */
const defaultRetry: RetryPolicy = retryPolicySchema.parse({});

// per node and per step type, not per run: nodes and definitions are immutable once loaded
const staticParams = new WeakMap<WorkflowNode, boolean>();
const expressionParams = new WeakMap<AnyStepDefinition, ReadonlySet<string>>();

function isStaticParams(node: WorkflowNode): boolean {
  let known = staticParams.get(node);
  if (known === undefined) staticParams.set(node, (known = isStatic(node.params)));
  return known;
}

function expressionParamsOf(def: AnyStepDefinition): ReadonlySet<string> {
  let keys = expressionParams.get(def);
  if (!keys) expressionParams.set(def, (keys = new Set(def.expressionParams ?? [])));
  return keys;
}

/**
 * One step of a run: its params, the launch-stage gate, then a real attempt persisted
 * before it runs, bounded by its timeout and by cancel, and its result, retry or failure.
 */
export class StepRunner {
  /** Set by the runner's close(): a step that comes back after it must not write. */
  closed = false;

  constructor(
    private readonly d: StepRunnerDeps,
    private readonly commits: GroupCommit,
    private readonly contexts: StepContexts,
    private readonly random: () => number,
  ) {}

  async runNode(d: RunState, n: NodeState): Promise<void> {
    const now = this.d.clock.now();
    const def = n.def;
    const wasRunning = n.status === 'running';
    // a step's own wait (delay, child run) goes on in the same attempt (waits.ts)
    const continuing = n.status === 'waiting' && waitRule(n)?.wakes === 'step-continues';
    d.tried.add(n.id);

    let params: unknown;
    try {
      const raw = n.node.params;
      let resolved: unknown = raw;
      if (!isStaticParams(n.node)) {
        resolved = resolveTemplates(raw, d.context, expressionParamsOf(def));
        if (isThenable(resolved)) resolved = await resolved;
      }
      const parsed = def.params.safeParse(resolved);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new StepError('BAD_PARAMS', `params${issue?.path.length ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'invalid'}`, { retriable: false });
      }
      params = parsed.data;
    } catch (err) {
      const e = toStepError(err);
      settle(this.d, d, n, { status: 'failed', error: { code: e.code, message: e.message } });
      this.failRun(d, n, e, false);
      await this.commits.commit(d);
      return;
    }
    const cls = this.d.registry.classInWorkflow(def, params, n.node, d.graph.document.nodes);
    n.cls = cls;
    const stage = this.d.stage();
    const inputJson = JSON.stringify(params) ?? null;
    n.input = inputJson;

    // the launch-stage gate (docs/architecture.md)
    let approval = n.approvalId ? this.d.approvals.get(n.approvalId) : undefined;
    // a dry run asks nobody: every Class B/C step records its preview instead
    const decision: Gate =
      d.run.dry_run === 1 && cls !== 'A'
        ? { action: 'dry-run', decision: 'dry-run' }
        : gate(cls, stage, n.node.approval, approval ? { status: approval.status, expiresAt: approval.expiresAt } : undefined, now, cls === 'B' && stage === 'pre-launch' ? coveredBy(this.d, d, n) : undefined);
    if (approval?.status === 'pending' && decision.action !== 'wait' && decision.action !== 'run') {
      if (this.d.approvals.decide(approval.id, 'expired', 'timeout', now, 'no decision before the timeout')) {
        approval = this.d.approvals.get(approval.id);
        const decided = approval;
        if (decided) d.after.push(() => emit(this.d.events, 'approval.decided', () => decided));
      }
    }
    if (approval?.status === 'pending' && decision.action === 'run') {
      // e.g. a Class B step asked in pre-launch, and the stage is post-launch now
      if (this.d.approvals.decide(approval.id, 'cancelled', 'engine', now, 'no longer needed: the step may run without approval')) {
        const decided = this.d.approvals.get(approval.id);
        if (decided) d.after.push(() => emit(this.d.events, 'approval.decided', () => decided));
      }
    }
    switch (decision.action) {
      case 'wait':
        return;
      case 'ask':
        return askApproval(this.d, this.commits, d, n, this.contexts.context(d, n, params, stage, new AbortController()), cls, stage);
      case 'fail': {
        auditRow(this.d.audit, d, n, cls, stage, 'blocked', decision.decision, now, approval?.reason ?? null);
        const who = approval?.decidedBy ? ` by ${approval.decidedBy}` : '';
        const why = approval?.reason ? `: ${approval.reason}` : '';
        const e =
          decision.decision === 'rejected'
            ? new StepError(rejectedCode, `approval rejected${who}${why}`, { retriable: false })
            : new StepError('APPROVAL_EXPIRED', 'no decision before the approval timed out', { retriable: false });
        settle(this.d, d, n, { status: 'failed', error: { code: e.code, message: e.message }, mode: 'blocked' });
        this.failRun(d, n, e, false);
        await this.commits.commit(d);
        return;
      }
      case 'skip':
        auditRow(this.d.audit, d, n, cls, stage, 'blocked', decision.decision, now, 'skipped: approval timed out');
        settle(this.d, d, n, { status: 'skipped', mode: 'blocked' });
        await this.commits.commit(d);
        return;
      case 'dry-run': {
        let preview: unknown;
        try {
          preview = def.preview ? await def.preview(this.contexts.context(d, n, params, stage, new AbortController())) : { type: def.type, params };
        } catch (err) {
          preview = { error: toStepError(err).message };
        }
        const output = { dryRun: true, preview: preview ?? null };
        auditRow(this.d.audit, d, n, cls, stage, 'dry-run', decision.decision, now, JSON.stringify(preview ?? null));
        settle(this.d, d, n, { status: 'succeeded', mode: 'dry-run', output, port: def.ports.length === 1 ? (def.ports[0] as string) : null });
        await this.commits.commit(d);
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
        settle(this.d, d, n, { status: 'failed', error: { code: e.code, message: e.message } });
        this.failRun(d, n, e, false);
        await this.commits.commit(d);
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
      if (this.d.events.hasListeners('step.started')) d.after.push(() => emit(this.d.events, 'step.started', () => ({ ...runRef(d), nodeId: n.id, type: def.type, class: cls, attempt: n.attempt, at: now })));
    } else await this.announce(d, n, cls, stage, decision.decision, inputJson, now, decision.coveredBy);

    // execute, bounded by the step's timeout and by cancel
    const attempt = new Attempt();
    d.controller = attempt;
    const runCtx = this.contexts.context(d, n, params, stage, attempt, stepState);
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
        settle(this.d, d, n, { status: 'cancelled', error: { code: 'CANCELLED', message: 'cancelled while running' } });
        await this.commits.commit(d);
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
      settle(this.d, d, n, { status: 'waiting', wakeAt: result.wait.until, mode: 'real' });
      await this.commits.commit(d);
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
          settle(this.d, d, n, { status: 'succeeded', mode: 'real', output: result.output ?? null, outputJson: json, port, duration: finished - now });
          // a side effect's result is committed at once; internal steps ride with the next transition
          if (cls !== 'A') await this.commits.commit(d);
          return;
        }
      }
    }
    const e = failure ?? new StepError(noStepErrorCode, 'the step returned nothing', { retriable: false });
    const policy = n.node.retry ?? defaultRetry;
    const used = n.attempt - n.attemptBase;
    if (e.retriable && used < policy.maxAttempts) {
      const retryAt = finished + backoffDelay(policy, used, this.random);
      n.state = { wait: 'retry' };
      settle(this.d, d, n, { status: 'waiting', wakeAt: retryAt, error: { code: e.code, message: e.message }, quiet: true });
      d.after.push(() =>
        emit(this.d.events, 'step.failed', () => ({ ...runRef(d), nodeId: n.id, type: def.type, attempt: n.attempt, error: { code: e.code, message: e.message }, willRetry: true, retryAt, at: finished })),
      );
      await this.commits.commit(d);
      return;
    }
    settle(this.d, d, n, { status: 'failed', error: { code: e.code, message: e.message } });
    this.failRun(d, n, e, false);
    await this.commits.commit(d);
  }

  /** A real attempt's running row (and audit row for B/C), committed before the step runs. */
  private async announce(d: RunState, n: NodeState, cls: StepClass, stage: LaunchStage, decision: AuditDecision, inputJson: string | null, now: number, coveredBy?: string): Promise<void> {
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
    // covered by the approval step before it: that approval is the one on record
    if (cls !== 'A') auditRow(this.d.audit, d, n, cls, stage, 'real', decision, now, coveredBy ? 'covered by the approval step before it' : null, coveredBy);
    await this.commits.commit(d);
    // closed or cancelled while the commit was pending: the step must not start now
    if (this.closed) throw new LostLease('closed');
    if (d.cancel) throw new Cancelled();
    emit(this.d.events, 'step.started', () => ({ ...runRef(d), nodeId: n.id, type: n.def.type, class: cls, attempt: n.attempt, at: now }));
  }

  private failRun(d: RunState, n: NodeState, e: StepError, willRetry: boolean): void {
    d.failed = { code: e.code, message: e.message, nodeId: n.id };
    const at = this.d.clock.now();
    d.after.push(() =>
      emit(this.d.events, 'step.failed', () => ({ ...runRef(d), nodeId: n.id, type: n.def.type, attempt: n.attempt, error: { code: e.code, message: e.message, nodeId: n.id }, willRetry, retryAt: null, at })),
    );
  }
}
