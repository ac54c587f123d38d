import { z } from 'zod';
import type { StepClass } from '../../../shared/workflow';
import type { ClassByParam } from '../../../shared/step-class';
import type { LaunchStage } from '../../../shared/stage';
import type { BackupPort } from '../backup-port';
import type { PipelinePort } from '../pipeline-port';
import type { PaymentLinkPort } from '../payment-link-port';
import type { AiGeneratePort } from '../ai-generate-port';
import type { ContentPort } from '../content-port';
import type { MessagePort } from '../message-port';
import type { StripeLookupPort } from '../stripe-lookup-port';
import type { ProductCompilePort } from '../product-compile-port';

export type Widget = 'text' | 'textarea' | 'expression' | 'select' | 'number' | 'json' | 'duration' | 'workflow' | 'boolean' | 'keyvalue';

/**
 * How the editor draws a param's field. `widget` only where the param's schema does not imply
 * it (registry.ts: an enum is a select, a number a number field, any value JSON…).
 */
export interface ParamHint {
  label: string;
  widget?: Widget;
  placeholder?: string;
  help?: string;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** What a step may do while it runs. Everything here is durable or idempotent. */
export interface StepContext<P> {
  /** Params after `{{ }}` expressions were evaluated, checked by the step's schema. */
  params: P;
  runId: string;
  nodeId: string;
  workflowId: string | null;
  /** `${runId}:${nodeId}`: the same on every attempt of this step, also after a crash. */
  idempotencyKey: string;
  /** 1 on the first attempt. */
  attempt: number;
  stage: LaunchStage;
  /** Aborted on the step's timeout and on cancel. */
  signal: AbortSignal;
  now(): number;
  /** State the step stored the last time it returned `wait` (delay, child run); undefined at first. */
  state: unknown;
  /** Writes a line to the run's log (persisted). */
  log(level: LogLevel, message: string, data?: unknown): void;
  /**
   * Evaluates a JSONata expression against the run context (`steps`, `trigger`, `input`,
   * `run`): the value at once when JSONata is not needed, else a promise of it (`await` takes
   * either; failures are always rejections). A step that answers at once gets no timeout timer.
   */
  evaluate(expression: string): unknown;
  /** Engine services some steps need (notify, child runs). */
  services: StepServices;
}

export interface StepServices {
  notifyFounder(note: { title: string; body: string; level: 'info' | 'success' | 'warning' | 'error' }): string;
  /** Starts (or finds, after a crash) the child run of this step; returns its id. */
  startChildRun(workflowId: string, input: unknown): string;
  /** A child run's state: undefined while it has not finished. */
  childResult(runId: string): { status: 'succeeded' | 'failed' | 'rejected' | 'cancelled'; output: unknown; error?: string } | undefined;
  /** Backups (backup.run, backup.check); undefined where the backup service is not wired in. */
  backups: BackupPort | undefined;
  /** Leads and DFY requests (lead.update); undefined where the pipeline is not wired in. */
  pipeline: PipelinePort | undefined;
  /** Stripe payment links (stripe.paymentLink); undefined where revenue is not wired in. */
  payments: PaymentLinkPort | undefined;
  /** The AI model (ai.generate); undefined where the AI layer is not wired in. */
  generate: AiGeneratePort | undefined;
  /** The content engine (content.generate); undefined where it is not wired in. */
  content: ContentPort | undefined;
  /** The founder's Telegram chat and Slack webhook (telegram.send, slack.send); undefined where notify is not wired in. */
  messages: MessagePort | undefined;
  /** Stripe customers, subscriptions and invoices as synced (stripe.lookup); undefined where revenue is not wired in. */
  stripeObjects: StripeLookupPort | undefined;
  /** Product compiles (product.compile); undefined where products are not wired in. */
  products: ProductCompilePort | undefined;
}

export type StepResult =
  /** Done: output (JSON-serialisable) and, for branching steps, the port taken. */
  | { output: unknown; port?: string }
  /** Not done yet: park the step until `until` (or until woken, when null), keeping `state`. */
  | { wait: { until: number | null; state?: unknown; reason: 'delay' | 'child' } };

export interface StepDefinition<P = Record<string, unknown>> {
  type: string;
  title: string;
  description: string;
  /** The type's class, unless `classBy` names another for the value of one param. */
  class: StepClass;
  classNote?: string;
  /** http.request: `{ param: 'method', classes: { GET: 'A', HEAD: 'A' } }` (shared/step-class.ts decides). */
  classBy?: ClassByParam;
  /**
   * The class a step of this type takes once its output is sent out: a later step that sends
   * outward uses it in its params (ai.generate: B; shared/sent-output.ts decides).
   */
  classWhenSent?: StepClass;
  /** The step delivers what it is given outside the app although its class is A (notify.founder). */
  sendsOut?: boolean;
  params: z.ZodType<P>;
  /** Output ports; edges leave from one of these. Single-port steps have `out` (defineStep's default). */
  ports: readonly string[];
  ui: Record<string, ParamHint>;
  /** Params that hold a JSONata expression themselves (not `{{ }}` templates): left as text. */
  expressionParams?: readonly string[];
  /** Default per-attempt time limit in ms. */
  defaultTimeoutMs?: number;
  /**
   * Nothing the step does leaves the engine: its output, log lines and notifications are
   * written with its result. The runner may then commit its running row with its result
   * (runner README, "Persistence points"). Never set it on a step that calls out.
   */
  internal?: boolean;
  execute(ctx: StepContext<P>): Promise<StepResult> | StepResult;
  /** Class B/C: what the step would do, recorded as the dry run and shown with approvals. */
  preview?(ctx: StepContext<P>): Promise<unknown> | unknown;
}

const singlePort: readonly string[] = ['out'];

/** Any step type, as the registry holds it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyStepDefinition = StepDefinition<any>;

/**
 * A step type as its file writes it. `ports` may be left out for the single port `out`; an
 * internal step is Class A by definition (nothing it does leaves the engine), so it names no class.
 */
export type StepDeclaration<P> = Omit<StepDefinition<P>, 'ports' | 'class' | 'internal'> & { ports?: readonly string[] } & ({ class: StepClass; internal?: false } | { internal: true });

export function defineStep<P>(def: StepDeclaration<P>): StepDefinition<P> {
  return { ...def, class: 'class' in def ? def.class : 'A', ports: def.ports ?? singlePort };
}

/** A step's params: an object that refuses unknown keys (a misspelt param is an error, never ignored). */
export function stepParams<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object(shape).strict();
}

/**
 * A failure a step reports on purpose. `retriable: false` stops retries at once (bad params,
 * 4xx answers, rejected approvals); unknown exceptions are treated as retriable.
 */
export class StepError extends Error {
  readonly code: string;
  readonly retriable: boolean;
  constructor(code: string, message: string, options: { retriable?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StepError';
    this.code = code;
    this.retriable = options.retriable ?? true;
  }
}

export function nonRetriable(code: string, message: string): StepError {
  return new StepError(code, message, { retriable: false });
}
