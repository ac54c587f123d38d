import type { LaunchStage } from '../../../../shared/stage';
import { terminalRunStatuses } from '../../../../shared/workflow';
import type { BackupPort } from '../../backup-port';
import type { PipelinePort } from '../../pipeline-port';
import type { PaymentLinkPort } from '../../payment-link-port';
import type { AiGeneratePort } from '../../ai-generate-port';
import type { ContentPort } from '../../content-port';
import type { MessagePort } from '../../message-port';
import type { StripeLookupPort } from '../../stripe-lookup-port';
import type { ProductCompilePort } from '../../product-compile-port';
import type { Clock } from '../../clock';
import type { EventBus } from '../../event-bus';
import { uuidv7 } from '../../ids';
import { evaluate } from '../expressions';
import type { LogLevel, StepContext } from '../step';
import type { RunStore } from '../store/run-store';
import { emit, parseJson, runRef, type RunState, type NodeState } from './run-state';

export interface StepContextDeps {
  clock: Clock;
  runs: RunStore;
  events: EventBus;
  backups?: BackupPort | undefined;
  pipeline?: PipelinePort | undefined;
  payments?: PaymentLinkPort | undefined;
  generate?: AiGeneratePort | undefined;
  content?: ContentPort | undefined;
  messages?: MessagePort | undefined;
  stripeObjects?: StripeLookupPort | undefined;
  products?: ProductCompilePort | undefined;
}

/** Starts a child run for a step (the runner's start, with the child's limits checked). */
export type StartChild = (d: RunState, n: NodeState, workflowId: string, input: unknown) => string;

/** What a step sees of its run: the StepContext given to execute and preview. */
export class StepContexts {
  constructor(
    private readonly d: StepContextDeps,
    private readonly startChild: StartChild,
  ) {}

  context(d: RunState, n: NodeState, params: unknown, stage: LaunchStage, abort: { readonly signal: AbortSignal }, state?: unknown): StepContext<unknown> {
    // the getters below run with the context object as `this`
    const contexts = this;
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
        return (services ??= contexts.services(d, n));
      },
    };
  }

  private services(d: RunState, n: NodeState): StepContext<unknown>['services'] {
    return {
      notifyFounder: (note) => {
        const at = this.d.clock.now();
        const id = uuidv7(at);
        d.writes.push(() => this.d.runs.log(d.run.id, n.id, at, note.level === 'error' ? 'error' : note.level === 'warning' ? 'warn' : 'info', `notify: ${note.title}`, JSON.stringify({ id, ...note })));
        d.after.push(() => emit(this.d.events, 'founder.notified', () => ({ id, ...runRef(d), nodeId: n.id, title: note.title, body: note.body, level: note.level, at })));
        return id;
      },
      startChildRun: (workflowId: string, input: unknown) => this.startChild(d, n, workflowId, input),
      backups: this.d.backups,
      pipeline: this.d.pipeline,
      payments: this.d.payments,
      generate: this.d.generate,
      content: this.d.content,
      messages: this.d.messages,
      stripeObjects: this.d.stripeObjects,
      products: this.d.products,
      childResult: (runId: string) => {
        const child = this.d.runs.getRun(runId);
        if (!child || !terminalRunStatuses.has(child.status)) return undefined;
        const error = child.error ? (JSON.parse(child.error) as { message: string }).message : undefined;
        return { status: child.status as 'succeeded' | 'failed' | 'rejected' | 'cancelled', output: parseJson(child.output), ...(error ? { error } : {}) };
      },
    };
  }
}
