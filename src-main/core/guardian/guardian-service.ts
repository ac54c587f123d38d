import type { Approval } from '../../../shared/contract/approvals';
import type { Beat, ExecutiveSummary, HealingPlan, HealthScore, Monitor, MonitorStats, MonitorTypeInfo, UpgradePlan } from '../../../shared/contract/guardian';
import { badInput } from '../errors';
import type { LaunchStage } from '../../../shared/stage';
import type { BackgroundTask } from '../background';
import type { BackupFacts } from '../backup-port';
import type { RevenueFacts } from '../revenue-port';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logger';
import { every } from '../periodic';
import type { RemoteDb } from '../remote';
import type { TelemetryService } from '../telemetry';
import type { MonitorInput } from './definition';
import { dayMs, hourMs, type WorkflowSources } from './findings';
import type { HealingActions } from './healing-apply';
import { HealingService, type HealingApprovalPort } from './healing-service';
import { MonitorService } from './monitor-service';
import { MonitorStore } from './monitor-store';
import { describeMonitorTypes } from './monitors/registry';
import type { Finding } from './score';
import { ScoreStore } from './score-store';
import { SummaryService } from './summary-service';

export { heartbeatPathPrefix } from './monitor-service';

export interface GuardianDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  events: EventBus;
  dataDir: string;
  remote: RemoteDb;
  telemetry: TelemetryService;
  backgroundRunning: () => boolean;
  /** The workflow engine's services, when present: failed runs and waiting approvals feed the score. */
  workflows?: WorkflowSources;
  /** What the upgrade plan's "Back up first" does (the backup service says). */
  backupFirst?: () => string;
  /** The backups capability's facts (stale plans, failed checks), through the port createCore hands over. */
  backups?: BackupFacts;
  /** Revenue's facts (failed payments, webhook refusals, open DFY requests), through the port createCore hands over. */
  revenue?: RevenueFacts;
  /** Days of heartbeat history kept (default 30). */
  historyDays?: number;
  /** Tests only: certificates (PEM) HTTPS monitors trust besides the system's (MonitorServices.trustedCertificates). */
  trustedCertificates?: readonly string[];
}

/**
 * Guardian, as createCore and the dispatcher see it: the monitors (MonitorService), the score
 * and summary (SummaryService) and the healing plan (HealingService), wired together. The
 * work is theirs; this only joins them where one step spans two (a check run clears healing
 * requests whose finding went away).
 */
export class GuardianService {
  readonly monitors: MonitorService;
  readonly summaries: SummaryService;
  readonly healing: HealingService;

  constructor(private readonly d: GuardianDeps) {
    const { telemetry, remote } = d;
    this.monitors = new MonitorService({
      store: new MonitorStore(d.db),
      clock: d.clock,
      log: d.log,
      events: d.events,
      services: {
        dataDir: d.dataDir,
        remote,
        backgroundRunning: d.backgroundRunning,
        ...(d.workflows ? { schedulerRunning: d.workflows.schedulerRunning } : {}),
        ...(d.backups ? { backups: d.backups } : {}),
        ...(d.trustedCertificates ? { trustedCertificates: d.trustedCertificates } : {}),
        sync: () => {
          const lag = telemetry.lag();
          return { remoteConfigured: remote.configured, lastSyncAt: lag.lastSyncAt, pushPending: lag.pushPending };
        },
      },
    });
    this.summaries = new SummaryService({
      scores: new ScoreStore(d.db),
      clock: d.clock,
      events: d.events,
      remote,
      telemetry,
      workflows: d.workflows,
      backups: d.backups,
      revenue: d.revenue,
      monitors: () => this.monitors.list(),
      schemaVersion: () => d.db.pragma('user_version', { simple: true }) as number,
      backupFirst: d.backupFirst,
    });
    this.healing = new HealingService({ clock: d.clock, log: d.log, findings: () => this.summaries.findings() });
  }

  monitorTypes(): MonitorTypeInfo[] {
    return describeMonitorTypes();
  }

  list = (): Monitor[] => this.monitors.list();
  get = (id: string): Monitor => this.monitors.get(id);
  add = (input: MonitorInput): Monitor => this.monitors.add(input);
  update = (id: string, input: MonitorInput): Monitor => this.monitors.update(id, input);
  remove = (id: string): boolean => this.monitors.remove(id);
  beats = (id: string, q: { since?: number | undefined; limit: number }): Beat[] => this.monitors.beats(id, q);
  /** Every monitor's uptime (24 h, 30 days), newest beats and response times over [from, to) (default the last 24 h). */
  monitorStats(q: { from?: number | undefined; to?: number | undefined; points: number; beats: number }): { from: number; to: number; monitors: MonitorStats[] } {
    const to = q.to ?? this.d.clock.now();
    const from = q.from ?? to - dayMs;
    if (!(to > from)) throw badInput('to', 'must be after from');
    return { from, to, monitors: this.monitors.stats({ from, to, points: q.points, beats: q.beats }) };
  }
  ping = (token: string): Promise<Monitor> => this.monitors.ping(token);
  checkOne = (id: string): Promise<Monitor> => this.monitors.checkOne(id);

  /** Every (unpaused) monitor once, all at once; then healing requests whose finding cleared are closed. */
  async checkAll(): Promise<Monitor[]> {
    const monitors = await this.monitors.checkAll();
    this.healing.closeResolvedHealing();
    return monitors;
  }

  findings = (now?: number): { findings: Finding[]; notAssessed: HealthScore['notAssessed'] } => this.summaries.findings(now);
  score = (now?: number): HealthScore => this.summaries.score(now);
  scoreHistory = (q: { since?: number | undefined; limit: number }) => this.summaries.scoreHistory(q);
  summary = (): ExecutiveSummary => this.summaries.summary();
  upgradePlan = (q: Parameters<SummaryService['upgradePlan']>[0]): UpgradePlan => this.summaries.upgradePlan(q);

  /** Stores the score now (the hourly background task; also callable), closing healing requests that are no longer needed first. */
  storeScore(): HealthScore {
    this.healing.closeResolvedHealing();
    return this.summaries.storeScore();
  }

  healingPlan = (): HealingPlan => this.healing.healingPlan();
  requestHealing = (stepId: string): Approval => this.healing.requestHealing(stepId);
  closeResolvedHealing = (): string[] => this.healing.closeResolvedHealing();
  connectApprovals = (approvals: HealingApprovalPort, actions: HealingActions, stage: () => LaunchStage): void => this.healing.connectApprovals(approvals, actions, stage);

  /** Heartbeat history past its retention removed (and scores past 400 days); returns the beats removed. */
  prune(now: number = this.d.clock.now()): number {
    const beats = this.monitors.pruneBeats(now - (this.d.historyDays ?? 30) * dayMs);
    this.summaries.pruneScores(now);
    return beats;
  }

  /** Monitors on their intervals, the hourly score and the history retention: levqor serve and the desktop app. */
  backgroundTasks(): BackgroundTask[] {
    const { log } = this.d;
    return [this.monitors.backgroundTask(), every('guardian.score', () => hourMs, () => this.storeScore(), log, 60_000), every('guardian.retention', () => hourMs, () => this.prune(), log, 120_000)];
  }
}
