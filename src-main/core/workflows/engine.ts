import type { LaunchStage } from '../../../shared/stage';
import type { BackupPort } from '../backup-port';
import type { PipelinePort } from '../pipeline-port';
import type { PaymentLinkPort } from '../payment-link-port';
import type { AiGeneratePort } from '../ai-generate-port';
import type { ContentPort } from '../content-port';
import type { MessagePort } from '../message-port';
import type { StripeLookupPort } from '../stripe-lookup-port';
import type { ProductCompilePort } from '../product-compile-port';
import type { TriggerPayloadPort } from '../trigger-payload-port';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logger';
import type { Timer } from '../timer';
import { ApprovalStore, AuditStore, type ApprovalService } from '../approvals';
import { Scheduler, ScheduleStore, type CronWorkflow } from '../scheduler';
import { WorkflowAnalytics } from './analytics';
import { EventTriggers } from './event-triggers';
import { StepRegistry } from './registry';
import { stepApprovalSubject } from './runner/approval-subject';
import { newOwnerId, retireOwner } from '../process-owner';
import { Runner, type RunnerDeps } from './runner/runner';
import { RunService } from './run-service';
import type { AnyStepDefinition } from './step';
import { builtInSteps } from './steps';
import { RunQueries } from './store/run-queries';
import { RunStore } from './store/run-store';
import { WorkflowStore } from './store/workflow-store';
import { WebhookService } from './webhooks';
import { WorkflowService } from './workflow-service';
import type { RemoteDb } from '../remote';
import { LocalRunCache } from './shared/local-cache';
import { SharedRuns } from './shared/shared-runs';

export interface WorkflowEngineDeps {
  db: Db;
  clock: Clock;
  timer: Timer;
  events: EventBus;
  log: Logger;
  stage: () => LaunchStage;
  /** The approval system: the engine registers the `step` subject with it (a decision wakes its run). */
  approvals: Pick<ApprovalService, 'registerSubject'>;
  steps?: readonly AnyStepDefinition[];
  /** Backups, for the steps backup.run and backup.check; without it those steps fail saying so. */
  backups?: BackupPort;
  /** The sales pipeline, for the step lead.update; without it that step fails saying so. */
  pipeline?: PipelinePort;
  /** Stripe payment links, for the step stripe.paymentLink; without it that step fails saying so. */
  payments?: PaymentLinkPort;
  /** The AI model, for the step ai.generate; without it that step fails saying so. */
  generate?: AiGeneratePort;
  /** The content engine, for the step content.generate; without it that step fails saying so. */
  content?: ContentPort;
  /** The founder's Telegram and Slack, for telegram.send / slack.send; without it those steps fail saying so. */
  messages?: MessagePort;
  /** The synced Stripe tables, for stripe.lookup; without them that step fails saying so. */
  stripeObjects?: StripeLookupPort;
  /** Product compiles, for product.compile; without it that step fails saying so. */
  products?: ProductCompilePort;
  /** Completes an event's payload for the triggers it starts (stripe.event's object); without it they get the streamed payload. */
  triggerPayloads?: TriggerPayloadPort;
  random?: () => number;
  /** workflows.maxRunsInFlight and workflows.maxQueuedRuns (RunnerDeps.backlog). */
  backlog?: RunnerDeps['backlog'];
  /** Saved workflows changed (saved, switched, deleted): queue mode publishes them. */
  onWorkflowsChanged?: () => void;
  /** True while pg-boss owns the cron schedules (queue mode on): the local scheduler then fires none. */
  cronOwnedElsewhere?: () => boolean;
}

/** The workflow engine as core exposes it. Nothing runs in the background until startBackground(). */
export interface WorkflowEngine {
  workflows: WorkflowService;
  runs: RunService;
  scheduler: Scheduler;
  /** Every enabled, saved workflow with a cron trigger, whoever fires it. */
  cronWorkflows(): CronWorkflow[];
  webhooks: WebhookService;
  registry: StepRegistry;
  audit: AuditStore;
  /** This process's lease owner id (host/pid/instance). */
  owner: string;
  /**
   * For long-lived transports (desktop app, `levqor serve`): resume interrupted runs, wake
   * due waits, start queued runs, run cron schedules and event triggers. Timers are unref'd.
   */
  startBackground(): void;
  stopBackground(): void;
  readonly backgroundRunning: boolean;
  /** Resolves when the runs this process is executing have ended or parked (CLI: before exit). */
  drain(): Promise<void>;
  /** Stops all timers and hands this process's runs back for another process to resume. */
  close(): void;
  /** Queue mode: this engine over the shared store in `remote` (shared/shared-runs.ts); made once per process. */
  sharedRuns(remote: RemoteDb, options: { leaseMs: number; schemaVersion: number }): SharedRuns;
}

export function createWorkflowEngine(deps: WorkflowEngineDeps): WorkflowEngine {
  const { db, clock, timer, events, log } = deps;
  const registry = new StepRegistry(deps.steps ?? builtInSteps);
  const store = new WorkflowStore(db);
  const runs = new RunStore(db);
  const approvals = new ApprovalStore(db);
  const audit = new AuditStore(db);
  const owner = newOwnerId();
  const engineLog = log.child({ area: 'workflows' });

  let scheduler: Scheduler | undefined;
  const runner = new Runner({
    db,
    runs,
    approvals,
    audit,
    workflows: store,
    registry,
    clock,
    timer,
    events,
    log: engineLog,
    stage: deps.stage,
    owner,
    ...(deps.backups ? { backups: deps.backups } : {}),
    ...(deps.pipeline ? { pipeline: deps.pipeline } : {}),
    ...(deps.payments ? { payments: deps.payments } : {}),
    ...(deps.generate ? { generate: deps.generate } : {}),
    ...(deps.content ? { content: deps.content } : {}),
    ...(deps.messages ? { messages: deps.messages } : {}),
    ...(deps.stripeObjects ? { stripeObjects: deps.stripeObjects } : {}),
    ...(deps.products ? { products: deps.products } : {}),
    ...(deps.random ? { random: deps.random } : {}),
    ...(deps.backlog ? { backlog: deps.backlog } : {}),
    onRunEnded: (run) => {
      if (run.trigger === 'cron') scheduler?.runEnded(run.id);
    },
  });
  deps.approvals.registerSubject(stepApprovalSubject(runner));

  let workflows: WorkflowService | undefined;
  let triggers: EventTriggers | undefined;
  const cronWorkflows = (): CronWorkflow[] =>
    store.enabledWithTrigger('cron').flatMap((row) => {
      const document = store.definition(row.definition_id);
      return document ? [{ workflowId: row.id, definitionId: row.definition_id, document }] : [];
    });
  scheduler = new Scheduler({
    db,
    clock,
    timer,
    log: engineLog,
    store: new ScheduleStore(db),
    workflows: () => (deps.cronOwnedElsewhere?.() ? [] : cronWorkflows()),
    fire: (w, at, late) =>
      (workflows as WorkflowService).startRun({
        id: w.workflowId,
        trigger: 'cron',
        input: { scheduledFor: new Date(at).toISOString(), firedAt: new Date(clock.now()).toISOString(), late },
        dedupeKey: `cron:${w.workflowId}:${at}`,
        scheduledFor: at,
      }),
    runStatus: (id) => runs.getRun(id)?.status,
  });

  workflows = new WorkflowService({
    store,
    registry,
    runner,
    scheduler,
    analytics: new WorkflowAnalytics(db),
    clock,
    changed: () => {
      scheduler?.refresh();
      triggers?.refresh();
      deps.onWorkflowsChanged?.();
    },
  });
  triggers = new EventTriggers(events, store, workflows, engineLog, deps.triggerPayloads);

  let background = false;
  let shared: SharedRuns | undefined;
  const engine: WorkflowEngine = {
    workflows,
    runs: new RunService(runner, runs, new RunQueries(db, runs, approvals, store)),
    scheduler,
    cronWorkflows,
    webhooks: new WebhookService(store, workflows, runner, events, clock),
    registry,
    audit,
    owner,
    startBackground() {
      if (background) return;
      background = true;
      runner.startBackground();
      scheduler?.start();
      triggers?.start();
    },
    stopBackground() {
      background = false;
      triggers?.stop();
      scheduler?.stop();
      runner.stopBackground();
    },
    get backgroundRunning() {
      return background;
    },
    drain: () => runner.drain(),
    close() {
      engine.stopBackground();
      runner.close();
      retireOwner(owner);
    },
    sharedRuns(remote, options) {
      shared ??= new SharedRuns({ remote, runner, runs, workflows: store, cache: new LocalRunCache(db, store), clock, log: engineLog, owner, ...options });
      return shared;
    },
  };
  return engine;
}
