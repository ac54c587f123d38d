import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppInfo } from '../../shared/contract/app';
import { appVersion } from '../../shared/version';
import { systemClock, type Clock } from './clock';
import { EventBus } from './event-bus';
import { Background } from './background';
import { CappedLogFile, createLogger, type Logger } from './logger';
import { openDatabase, type Db } from './db/open';
import { migrate } from './db/migrate';
import { SettingsService } from './settings/settings-service';
import { StageService } from './stage/stage-service';
import { SecretStore } from './secrets/secret-store';
import type { SecretCipher } from './secrets/cipher';
import { AesGcmCipher, loadHeadlessKey } from './secrets/aes-gcm-cipher';
import { RemoteDb } from './remote/remote-db';
import { latestRemoteVersion } from './remote';
import { QueueControl, cronSchedulesOf } from './workers';
import { remoteStatus } from './telemetry';
import { TelemetryService } from './telemetry/telemetry-service';
import { AppLogTee } from './telemetry/app-log-tee';
import { ProductsService } from './products/products-service';
import { ContentService, contentPort, contentSources } from './content';
import type { UploadTuning } from './products/drive/upload-job';
import { realTimer, type Timer } from './timer';
import { ApprovalService } from './approvals';
import { createWorkflowEngine, type WorkflowEngine } from './workflows/engine';
import type { WorkflowService } from './workflows/workflow-service';
import type { RunService } from './workflows/run-service';
import { TemplateService } from './workflows/template-service';
import { workflowTemplates } from './workflows/templates';
import type { Scheduler } from './scheduler/scheduler';
import { GuardianService } from './guardian/guardian-service';
import { BrowserSessions } from './access/browser-sessions';
import { UpdateService } from './updates';
import { BriefingService, NotifyService, TelegramPoller, type NotifyTuning, type OsNotifier } from './notify';
import { BackupService, backUpAppDataFirst, describeAppDataBackup, type CoreRestart } from './backups';
import type { RetryPolicy } from './retry';
import { RevenueService, connectStripe } from './revenue';
import { ComplianceService } from './compliance';
import { InboundAddress } from './inbound-address';
import { AiService, aiGeneratePort, type AiTuning } from './ai';
import { InsightsService } from './insights';
import { ChatService } from './assistants/chat';
import { ExplainAssistant } from './assistants/explain';
import { OnboardingService, type DraftCheck } from './assistants/onboarding';
import { newDefinition } from './guardian/definition';
import { CoreError } from './errors';
import { formatSpecErrors, productSpecSchema } from '../../shared/product';
import { WorkflowAssistant } from './assistants/workflow';
import { CostService } from './costs';
import { GovernanceService } from './governance';
import { governanceSources } from './governance/wiring';
import { auditNotices } from './governance/notice-audit';

export interface CoreConfig {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  /** The desktop app passes its keychain-backed cipher; headless uses AES-GCM. */
  cipher?: SecretCipher;
  /** false: no log file (short CLI reads still log; tests may turn it off). */
  logToFile?: boolean;
  /** Drive upload sizes (tests use small chunks to exercise the resumable protocol). */
  productUploads?: UploadTuning;
  /** Timeouts for workflow delays, retries, step timeouts and cron; tests pass a ManualTimer over a ManualClock. */
  timer?: Timer;
  /** Randomness for retry jitter; tests may fix it. */
  random?: () => number;
  /** The system's notifications (the desktop app passes Electron's); without it the os channel publishes notify.notice. */
  osNotifier?: OsNotifier;
  /** The notify outbox's rates scaled and channels added: the drain bench and fault tests only. */
  notifyTuning?: NotifyTuning;
  /**
   * How a failed scheduled backup is tried again, and how long restic may retry a repository
   * that stopped answering before the try fails (tests use short waits); the defaults are in core/backups.
   */
  backupRetry?: { policy: RetryPolicy; unreachableAfterMs?: number };
  /**
   * The process that holds this core and can restart it (levqor serve, the desktop app, the
   * CLI): an approved restore of the app's data closes this core, swaps the database and opens
   * a new one through it. Without it, such a restore cannot be approved in this process.
   */
  coreRestart?: CoreRestart;
  /** How a failing Stripe call is tried again; tests use short waits (the default is in core/revenue/stripe/retry.ts). */
  stripeRetry?: RetryPolicy;
  /** Tests only: certificates (PEM) HTTPS monitors trust besides the system's, e.g. a test server's self-signed one. */
  monitorTrustedCertificates?: readonly string[];
  /** Tests only: channel ids the briefing takes as existing besides the channels list (an outside channel this build lacks). */
  briefingChannels?: readonly string[];
  /** The restic the desktop app ships (process.resourcesPath), used when backup.resticPath is empty and PATH has none. */
  bundledRestic?: string;
  /** The AI calls' timeout and retry policy; tests use short waits (the defaults are in core/ai/ai-service.ts). */
  aiTuning?: AiTuning;
  /** How long one preflight check may take before it counts as unreachable; tests shorten it. */
  preflightCheckTimeoutMs?: number;
}

export interface Core {
  readonly dataDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly clock: Clock;
  readonly db: Db;
  readonly log: Logger;
  readonly events: EventBus;
  readonly settings: SettingsService;
  readonly stage: StageService;
  readonly secrets: SecretStore;
  /** Launches: product specs, the compile pipeline, the Drive upload queue. */
  readonly products: ProductsService;
  /** The content engine: an idea seed → six marketing assets, their history and Markdown exports. */
  readonly content: ContentService;
  /** Long-running work (schedulers, sync, monitors); started only by long-lived transports. */
  readonly background: Background;
  /** The optional remote Postgres (secret database.url / LEVQOR_DATABASE_URL): pool, retry, schema, status. */
  readonly remote: RemoteDb;
  /** Telemetry: ingest, query, anomalies, daily report, retention, sync with the remote. */
  readonly telemetry: TelemetryService;
  readonly timer: Timer;
  /**
   * The workflow engine. Its background task (resume interrupted runs, wake due
   * delays/retries/approval timeouts, cron schedules, event triggers) starts with `background`.
   */
  readonly engine: WorkflowEngine;
  readonly workflows: WorkflowService;
  readonly runs: RunService;
  /** The growth workflow templates (workflows/templates/): the gallery and a disabled workflow made from one. */
  readonly templates: TemplateService;
  readonly approvals: ApprovalService;
  readonly scheduler: Scheduler;
  /** Guardian: monitors and heartbeats, health score, healing plan, summary, upgrade planner. */
  readonly guardian: GuardianService;
  /** App updates: announced when the desktop app finds one, installed only through an approval (subject app.update). */
  readonly updates: UpdateService;
  /** Browsers signed in to the headless server (the access token traded for a session). */
  readonly sessions: BrowserSessions;
  /** Notices for the founder: rules (event → notice), channels, and the outbox delivered in the background. */
  readonly notify: NotifyService;
  /** The daily founder briefing: composed from every service, scheduled at notify.briefing.time, sent through the outbox. */
  readonly briefing: BriefingService;
  /** Backups on restic: plans, their repositories, and the history of every operation. */
  readonly backups: BackupService;
  /** Revenue: Stripe synced into local tables (and webhooks applied), its figures, DFY packages, and the sales pipeline (`revenue.pipeline`: leads and DFY requests pulled from the shared Postgres, staged and written back by the founder). */
  readonly revenue: RevenueService;
  /** The AI CEO in advisory mode: deterministic rules over every service's data, ranked; acting makes a draft or an approval request. */
  readonly insights: InsightsService;
  /** "Explain this failure": a failed run's cause and one fix, from the AI model (core/assistants/explain/). */
  readonly explainAssistant: ExplainAssistant;
  /** Where this process answers webhooks and heartbeats from outside (set by the transport that listens). */
  readonly inbound: InboundAddress;
  /** The model layer: every AI call (checked, redacted, retried, recorded in ai_usage) over an OpenAI-compatible server. */
  readonly ai: AiService;
  /** The chat assistant: turns with read-only tools over the services' data, streamed as chat.* events; it never acts. */
  readonly chat: ChatService;
  /** The getting-started guide (assistants/onboarding): proposes a first monitor, product draft and workflow; creates each only when confirmed. */
  readonly onboarding: OnboardingService;
  /** The workflow assistant: a sentence → a workflow the engine's validator accepts (or a change of one, with its diff); saves nothing. */
  readonly workflowAssistant: WorkflowAssistant;
  /** The cost autopilot: AI usage, Stripe fees and recurring costs per month, budgets alerted at 80/100%, the AI budget's stop. */
  readonly costs: CostService;
  /** The preflight that guards post-launch, the hardening checklist, and stage switches from outside core (core/governance/). */
  readonly governance: GovernanceService;
  /** GDPR / CCPA: the data map, subject requests (export, erase with proof, do not sell), lead retention (docs/compliance.md). */
  readonly compliance: ComplianceService;
  /** Queue mode's control plane (docs/workers.md): publishes saved workflows while queue.mode is on, queues runs for the workers. */
  readonly queue: QueueControl;
  info(): AppInfo;
  close(): void;
}

/** The composition root: one data dir in, every service wired, no Electron anywhere. */
export function createCore(config: CoreConfig): Core {
  const dataDir = resolve(config.dataDir);
  const env = config.env ?? process.env;
  const clock = config.clock ?? systemClock;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });

  const db = openDatabase(join(dataDir, 'levqor.db'));
  let logFile: CappedLogFile | undefined;
  try {
    const migration = migrate(db);
    logFile = config.logToFile === false ? undefined : new CappedLogFile({ dir: join(dataDir, 'logs') });
    // the app's own log lines also feed its telemetry (drained by a background task)
    const logTee = logFile ? new AppLogTee(logFile) : undefined;
    const log = createLogger(logTee, 'info');
    if (migration.applied.length > 0) log.info({ from: migration.from, to: migration.to }, 'database migrated');

    const events = new EventBus(log);
    const settings = new SettingsService(db, env, clock, events);
    log.level = settings.get('logLevel');
    const stage = new StageService(settings, events);
    const cipher = config.cipher ?? new AesGcmCipher(loadHeadlessKey(dataDir, env));
    const secrets = new SecretStore(db, cipher, env, clock, events);
    const background = new Background();
    // one approval mechanism (docs/architecture.md), made before any capability: each registers
    // the subjects it owns (steps, uploads, healing actions…), and decisions come back to it
    const approvals = new ApprovalService({ db, clock, events });
    let telemetry: TelemetryService | undefined;
    const remote = new RemoteDb({
      url: () => secrets.reveal('database.url'),
      log,
      clock,
      onChange: () => telemetry && events.emit('remote.changed', remoteStatus(remote, telemetry)),
    });
    telemetry = new TelemetryService({ db, clock, log, events, settings, remote });
    if (logTee) telemetry.attachAppLogs(logTee);
    for (const task of telemetry.backgroundTasks()) background.register(task);
    events.on('secrets.changed', (status) => {
      if (status.name === 'database.url') void remote.reset();
    });
    secrets.registerTest('database.url', (signal) => remote.probe(signal));
    const products = new ProductsService({ dataDir, db, settings, secrets, stage, events, clock, log, ...(config.productUploads ? { uploadTuning: config.productUploads } : {}) });
    products.sweepTemps();
    secrets.registerTest('google.driveCredentials', (signal) => products.uploads.testAccess(signal));
    background.register(products.backgroundTask());
    const timer = config.timer ?? realTimer;
    // made early so that every capability that asks the model gets it directly
    const ai = new AiService({ db, clock, timer, settings, secrets, ...(config.aiTuning ? { tuning: config.aiTuning } : {}), ...(config.random ? { random: config.random } : {}) });
    secrets.registerTest('openai.apiKey', (signal) => ai.testKey(signal));
    const notify = new NotifyService({ db, clock, timer, events, log, secrets, settings, audit: auditNotices(approvals, clock, () => stage.current), ...(config.osNotifier ? { os: config.osNotifier } : {}), ...(config.random ? { random: config.random } : {}), ...(config.notifyTuning ? { tuning: config.notifyTuning } : {}) });
    notify.followRules();
    notify.registerSecretTests(secrets);
    background.register(notify.backgroundTask());
    const backups = new BackupService({
      db,
      dataDir,
      env,
      clock,
      log,
      events,
      settings,
      secrets,
      timer,
      productsDir: () => products.layout().productsDir,
      stage: () => stage.current,
      ...(config.backupRetry ? { scheduledRetry: config.backupRetry.policy, unreachableAfterMs: config.backupRetry.unreachableAfterMs } : {}),
      ...(config.random ? { random: config.random } : {}),
      ...(config.coreRestart ? { holder: config.coreRestart } : {}),
      ...(config.bundledRestic ? { bundledRestic: config.bundledRestic } : {}),
    });
    for (const task of backups.backgroundTasks()) background.register(task);
    // what other capabilities use of backups: Guardian's findings and healing, the workflow steps
    const backupPort = backups.port();
    const revenue = new RevenueService({ stripe: { db, clock, events, log, secrets, settings, ...(config.stripeRetry ? { retry: config.stripeRetry } : {}) }, stage: () => stage.current, remote });
    // the app may have died between a commit and its outbox row (docs/alerts.md, Rules)
    notify.catchUp('approval.requested', approvals.list({ status: 'pending', limit: 500 }).map((a) => ({ payload: a, at: a.requestedAt })));
    notify.catchUp('payment.failed', revenue.stripe.recentPaymentFailures().map((p) => ({ payload: p, at: p.at })));
    background.register(revenue.pipeline.backgroundTask());
    const costs = new CostService({ db, clock, events, log, sources: { revenue: revenue.costRevenue(), aiSpentCents: (from, to) => ai.spentMinor(from, to) } });
    ai.connectMoneyBudget((feature) => costs.aiBudgetRefusal(feature));
    background.register(costs.backgroundTask());
    const content = new ContentService({ dataDir, clock, log, ai, sources: contentSources(products, () => settings.get('content.siteUrl')) });
    const engine = createWorkflowEngine({ db, clock, timer, events, log, approvals, backups: backupPort, pipeline: revenue.pipeline.port(), payments: revenue.packages.paymentLinks(), generate: aiGeneratePort(ai), content: contentPort(() => content), messages: notify.messagePort(), stripeObjects: revenue.stripe.eventObjects, products: { compile: async (slug, signal) => { const { siteConfig: _site, ...made } = await products.compile(slug, { upload: false, signal }); return made; } }, triggerPayloads: revenue.stripe.eventObjects, stage: () => stage.current, onWorkflowsChanged: () => queue.workflowsChanged(), cronOwnedElsewhere: () => settings.get('queue.mode') === 'on', backlog: () => ({ maxRunsInFlight: settings.get('workflows.maxRunsInFlight'), maxQueuedRuns: settings.get('workflows.maxQueuedRuns') }), ...(config.random ? { random: config.random } : {}) });
    const queue = new QueueControl({ remote, mode: () => settings.get('queue.mode'), shared: () => engine.sharedRuns(remote, { leaseMs: 60_000, schemaVersion: latestRemoteVersion }), workflows: () => engine.workflows.list(), schedules: () => cronSchedulesOf(engine.cronWorkflows()), schemaVersion: latestRemoteVersion, log: log.child({ area: 'queue' }) });
    events.on('settings.changed', (entry) => {
      if (entry.key !== 'queue.mode') return;
      queue.modeChanged();
      engine.scheduler.refresh();
    });
    background.register({
      name: 'workflows',
      start: () => {
        engine.startBackground();
        return () => engine.stopBackground();
      },
    });
    stage.connectEffects({ pendingUploads: () => products.uploads.waitingForApproval(), classBSteps: () => engine.workflows.classBSteps() });
    const guardian = new GuardianService({
      db,
      clock,
      log,
      events,
      dataDir,
      remote,
      telemetry,
      backgroundRunning: () => background.running,
      backupFirst: () => describeAppDataBackup(backups),
      workflows: { runs: engine.runs, approvals, schedulerRunning: () => engine.scheduler.isRunning },
      backups: backupPort,
      revenue: revenue.facts(),
      ...(config.monitorTrustedCertificates ? { trustedCertificates: config.monitorTrustedCertificates } : {}),
    });
    for (const task of guardian.backgroundTasks()) background.register(task);

    products.connectApprovals(approvals);
    backups.connectApprovals(approvals);
    guardian.connectApprovals(
      approvals,
      {
        checkMonitor: (id) => guardian.checkOne(id),
        updateMonitor: (id, changes) => guardian.update(id, changes),
        reconnectRemote: async () => {
          await remote.reset();
          return remote.check();
        },
        syncTelemetry: () => telemetry.sync(),
        pruneTelemetry: () => telemetry.prune(),
        retryRun: (id) => engine.runs.retry(id),
        setWorkflowEnabled: (id, enabled) => engine.workflows.setEnabled(id, enabled),
        runBackup: (plan) => backupPort.run(plan, true),
        checkBackup: (plan) => backupPort.check(plan),
      },
      () => stage.current,
    );
    const updates = new UpdateService({
      approvals,
      events,
      clock,
      log,
      stage: () => stage.current,
      plan: (u) => guardian.upgradePlan({ availableVersion: u.version, releaseNotes: u.releaseNotes }),
      backup: { describe: () => describeAppDataBackup(backups), run: () => backUpAppDataFirst(backups) },
    });
    revenue.packages.connectApprovals(approvals);
    const stripeClient = () => {
      try {
        return connectStripe(secrets, settings).client;
      } catch (err) {
        return err instanceof Error ? err.message : String(err);
      }
    };
    // made after the stores it reads; re-applies recorded erasures to this data before anything reads it
    const compliance = new ComplianceService({ db, dataDir, clock, log: log.child({ area: 'compliance' }), events, remote, stage: () => stage.current, stripe: stripeClient });
    compliance.connectApprovals(approvals);
    notify.withhold(compliance.withheld());
    revenue.stripe.consultErasures(compliance.erasedSubjects());
    ai.withhold(compliance.withheld());
    for (const task of compliance.backgroundTasks()) background.register(task);
    const briefing = new BriefingService({
      db,
      clock,
      timer,
      log,
      events,
      settings,
      stage: () => stage.current,
      send: (draft, channels) => notify.send(draft, channels),
      ...(config.briefingChannels ? { extraChannels: config.briefingChannels } : {}),
      sources: {
        summary: () => guardian.summary(),
        scoreHistory: (since) => guardian.scoreHistory({ since, limit: 100 }),
        runs: (from, to, limit) => engine.runs.list({ from, to, limit }),
        pendingApprovals: (limit) => approvals.list({ status: 'pending', limit }),
        products: () => products.list().products,
        uploads: () => products.listUploads(),
        revenue: revenue.facts(),
        newCustomers: (since, limit) => revenue.reports.customers({ limit }).customers.filter((c) => c.createdAt !== null && c.createdAt >= since).length,
        pipeline: {
          stats: () => revenue.pipeline.stats(),
          createdSince: (kind, since, limit) => revenue.pipeline.list(kind, { limit }).items.filter((i) => i.createdAt >= since).length,
          status: () => ({ configured: remote.configured, lastError: revenue.pipeline.syncState().lastError }),
        },
        backups: { plans: () => backups.list(), history: (plan, limit) => backups.history(plan, limit), stalePlans: (now) => backups.facts.stalePlans(now), failedChecks: () => backups.facts.failedChecks() },
      },
    });
    const insights = new InsightsService({
      db,
      clock,
      log,
      // built further down with the other AI wiring; read only when a brief is asked for
      ai,
      sources: {
        revenue: {
          churn: () => {
            // this month alone: the 24 months of revenue.metrics cost several times more
            const month = new Date(clock.now()).toISOString().slice(0, 7);
            const { currency, months } = revenue.reports.movements({ from: month, to: month });
            const m = months[months.length - 1];
            return m ? { month: m.month, currency, grossMrrChurnRate: m.grossMrrChurnRate, mrrStart: m.mrrStart, churn: m.churn } : null;
          },
          churnedCustomers: () => revenue.reports.churnedThisMonth().customers,
          failedPayments: (since) => revenue.facts().failedPayments(since),
        },
        endpointLatency: (from, to) => telemetry.endpointLatency(from, to),
        launches: () =>
          products
            .list()
            .products.filter((p) => p.valid && (p.status ?? 'draft') === 'draft')
            .flatMap((p) => {
              const { launchDate } = products.get(p.slug).spec;
              if (!launchDate) return [];
              return [{ slug: p.slug, name: p.name ?? p.slug, launchAt: Date.parse(`${launchDate}T00:00:00Z`), slots: () => products.checklist(p.slug) }];
            }),
        workflows: () => engine.workflows.list(),
        runCounts: (id, since) => {
          const s = engine.workflows.stats(id, since);
          return { finished: s.finished - s.rejected, failed: s.failed };
        },
        monitors: () => guardian.list(),
        backups: { stalePlans: (now) => backups.facts.stalePlans(now) },
        paidDfyRequests: () => revenue.pipeline.list('dfy', { stage: 'paid', limit: 500 }).items.map((i) => ({ id: i.id, name: i.name, paidAt: i.stageTimes.paid ?? i.updatedAt })),
        healingSteps: () => guardian.healing.healingPlan().steps.filter((s) => s.applicable).map((s) => ({ id: s.id, class: s.class })),
      },
      actions: {
        saveWorkflowDraft: (workflow) => engine.workflows.save(undefined, workflow, false, true),
        requestHealing: (stepId) => guardian.healing.requestHealing(stepId),
      },
    });
    briefing.connectApprovals(approvals);
    background.register(briefing.backgroundTask());
    for (const task of revenue.backgroundTasks()) background.register(task);
    secrets.registerTest('stripe.secretKey', () => revenue.stripe.testKey());
    const chat = new ChatService({
      ai,
      events,
      log: log.child({ area: 'chat' }),
      sources: {
        healthSummary: () => guardian.summary(),
        runs: (filter) => engine.runs.list(filter),
        pendingApprovals: (limit) => approvals.list({ status: 'pending', limit }),
        anomalies: (limit) => telemetry.anomalies({ limit }),
        revenueMetrics: () => revenue.reports.metrics({}),
        products: () => products.list().products,
      },
    });
    // each draft is checked by the validator its own service saves with, so confirming one cannot half-save it
    const problemOf = (check: () => unknown): string | undefined => {
      try {
        check();
        return undefined;
      } catch (err) {
        if (err instanceof CoreError && err.code === 'BAD_INPUT') return err.message;
        throw err;
      }
    };
    const idName = ({ id, name }: { id: string; name: string }) => ({ id, name });
    const productCheck: DraftCheck = (draft) => {
      const v = products.validate({ spec: draft });
      return v.valid ? undefined : formatSpecErrors(v.errors);
    };
    const onboarding = new OnboardingService({
      settings,
      ai,
      ports: {
        monitors: { count: () => guardian.list().length, check: (draft) => problemOf(() => newDefinition(draft)), add: (draft) => idName(guardian.add(draft)) },
        products: { slugs: () => products.list().products.map((p) => p.slug), check: productCheck, create: (draft) => ({ id: products.create(productSpecSchema.parse(draft)).spec.slug, name: String(draft.name) }) },
        workflows: { count: () => engine.workflows.list().length, check: (workflow) => problemOf(() => engine.workflows.parse(workflow)), save: (workflow) => idName(engine.workflows.save(undefined, workflow, true)) },
        routeWorkflowNotices: (channel) => notify.setRule({ id: 'founder.notified', channels: [...notify.rulesList().find((r) => r.id === 'founder.notified')!.channels, channel] }),
      },
    });
    const workflowAssistant = new WorkflowAssistant({
      ai,
      workflows: { stepTypes: () => engine.workflows.stepTypes(), validate: (raw) => engine.workflows.validate(raw), document: (id) => engine.workflows.get(id).workflow },
    });
    const governance = new GovernanceService({
      clock,
      stage,
      approvals,
      sources: governanceSources({ settings, secrets, cipher, remote, latestRemoteVersion, notify, backups, guardian, dataMap: compliance.coveragePort() }),
      ...(config.preflightCheckTimeoutMs ? { checkTimeoutMs: config.preflightCheckTimeoutMs } : {}),
    });
    governance.connectApprovals();
    // Approve / Reject pressed in Telegram decides through the same approvals as the inbox
    background.register(new TelegramPoller({ db, clock, timer, events, log: log.child({ task: 'notify.telegram' }), secrets, settings, approvals }).backgroundTask());
    // registered last, so stopped first: it waits for the owners' actions in flight while they still run
    background.register(approvals.backgroundTask());

    return {
      dataDir,
      env,
      clock,
      db,
      log,
      events,
      settings,
      stage,
      secrets,
      products,
      content,
      background,
      remote,
      telemetry,
      timer,
      engine,
      workflows: engine.workflows,
      runs: engine.runs,
      templates: new TemplateService(engine.workflows, engine.registry, workflowTemplates),
      approvals,
      scheduler: engine.scheduler,
      guardian,
      updates,
      sessions: new BrowserSessions(db, clock),
      explainAssistant: new ExplainAssistant({
        ai,
        sources: {
          run: (id) => engine.runs.get(id),
          paramsOf: (type) => engine.registry.get(type)?.params,
          problems: (workflow) => engine.workflows.validate(workflow).errors,
          saveDraft: (workflow) => engine.workflows.save(undefined, workflow, false, true),
        },
      }),
      notify,
      briefing,
      backups,
      revenue,
      insights,
      inbound: new InboundAddress(),
      ai,
      chat,
      onboarding,
      workflowAssistant,
      costs,
      governance,
      compliance,
      queue,
      info: () => ({
        version: appVersion,
        dataDir,
        stage: stage.current,
        schemaVersion: db.pragma('user_version', { simple: true }) as number,
        platform: process.platform,
        nodeVersion: process.versions.node,
      }),
      close: () => {
        chat.close();
        background.stopNow();
        backups.close();
        engine.close();
        void queue.close();
        void remote.close();
        db.close();
        logFile?.close();
      },
    };
  } catch (err) {
    db.close();
    logFile?.close();
    throw err;
  }
}

export { CoreError } from './errors';
export { ManualClock, systemClock, type Clock } from './clock';
export { ManualTimer, realTimer, type Timer } from './timer';
export { defaultDataDir } from './paths';
export { CoreHolder, type CoreBinding, type CoreRestart } from './core-holder';
export { claimDataDir, liveDataHolder } from './data-holder';
export type { AppUpdater } from './updates';
export { startQueueWorker, databaseHost, workerQueues } from './workers';
