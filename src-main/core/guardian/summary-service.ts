import type { ExecutiveSummary, HealthScore, Monitor, MonitorState, UpgradePlan } from '../../../shared/contract/guardian';
import type { Anomaly } from '../../../shared/contract/telemetry';
import { bySeverity } from '../../../shared/anomalies';
import { appVersion } from '../../../shared/version';
import type { BackupFacts } from '../backup-port';
import type { Clock } from '../clock';
import { latestSchemaVersion } from '../db/migrations';
import type { EventBus } from '../event-bus';
import type { RemoteDb } from '../remote';
import { remoteStatus } from '../telemetry';
import { ongoingMs, type TelemetryService } from '../telemetry';
import { collectFindings, dayMs, failedRuns24h, hourMs, type WorkflowSources } from './findings';
import type { ScorePoint, ScoreStore } from './score-store';
import { computeScore, verdictFor, type Finding } from './score';
import { planUpgrade } from './upgrade';
import type { RevenueFacts } from '../revenue-port';
import { revenueSummary } from './revenue-summary';

export interface SummaryServiceDeps {
  scores: ScoreStore;
  clock: Clock;
  events: EventBus;
  remote: RemoteDb;
  telemetry: TelemetryService;
  workflows: WorkflowSources | undefined;
  backups: BackupFacts | undefined;
  revenue?: RevenueFacts | undefined;
  monitors: () => Monitor[];
  /** The database schema this data dir is at. */
  schemaVersion: () => number;
  /** What the upgrade plan's "Back up first" does (the backup service says). */
  backupFirst?: (() => string) | undefined;
}

/** The explained health score, its hourly history, the executive summary and the upgrade planner. */
export class SummaryService {
  constructor(private readonly d: SummaryServiceDeps) {}

  /** Everything the score deducts for, with the evidence. */
  findings(now: number = this.d.clock.now()): { findings: Finding[]; notAssessed: HealthScore['notAssessed'] } {
    const { remote, telemetry } = this.d;
    let sync;
    if (remote.configured) {
      const lag = telemetry.lag();
      const status = remote.status();
      sync = { lastSyncAt: lag.lastSyncAt, pushPending: lag.pushPending, remoteError: status.state === 'error' ? (status.lastError?.message ?? 'unknown') : undefined };
    }
    return collectFindings({ monitors: this.d.monitors(), anomalies: this.openAnomalies(now), workflows: this.d.workflows, backups: this.d.backups, revenue: this.d.revenue, sync }, now);
  }

  score(now: number = this.d.clock.now()): HealthScore {
    const { findings, notAssessed } = this.findings(now);
    const figures = computeScore(findings, notAssessed, now);
    return { ...figures, ...verdictFor(figures.score, this.d.monitors()) };
  }

  /**
   * Stores the score now (the hourly background task; also callable). While there is not
   * enough to assess (no monitor watching), nothing is stored: the history would otherwise
   * show a full score for hours when nothing was looked at.
   */
  storeScore(): HealthScore {
    const s = this.score();
    if (s.verdict === 'not_enough_data') return s;
    this.d.scores.insert(s);
    this.d.events.emit('guardian.scoreStored', { at: s.at, score: s.score });
    return s;
  }

  scoreHistory(q: { since?: number | undefined; limit: number }): ScorePoint[] {
    return this.d.scores.history(q);
  }

  /** Stored scores past their retention (400 days) removed. */
  pruneScores(now: number): void {
    this.d.scores.prune(now - 400 * dayMs);
  }

  summary(): ExecutiveSummary {
    const now = this.d.clock.now();
    const s = this.score(now);
    const prev = this.d.scores.before(now);
    const delta = prev ? s.score - prev.score : null;
    const monitors = this.d.monitors();
    const count = (st: MonitorState) => monitors.filter((m) => m.state === st).length;
    let pendingApprovals: ExecutiveSummary['pendingApprovals'] = { count: 0, oldestAt: null };
    let failed = 0;
    const wf = this.d.workflows;
    if (wf) {
      const pending = wf.approvals.list({ status: 'pending', limit: 1000 });
      pendingApprovals = { count: pending.length, oldestAt: pending.length ? Math.min(...pending.map((a) => a.requestedAt)) : null };
      failed = failedRuns24h(wf, now).length;
    }
    const hourAgo = now - hourMs;
    return {
      at: now,
      score: s.score,
      verdict: s.verdict,
      ...(s.verdictReason !== undefined ? { verdictReason: s.verdictReason } : {}),
      trend: { previous: prev?.score ?? null, previousAt: prev?.at ?? null, delta, direction: delta === null ? 'new' : delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat' },
      breakdown: s.breakdown,
      notAssessed: s.notAssessed,
      topIssues: [...s.breakdown].sort((a, b) => b.points - a.points).slice(0, 5).map((b) => ({ cause: b.cause, points: b.points })),
      monitors: {
        total: monitors.length,
        up: count('UP'),
        down: count('DOWN'),
        pending: count('PENDING'),
        maintenance: count('MAINTENANCE'),
        items: monitors.map((m) => ({ id: m.id, name: m.name, type: m.type, state: m.state, lastMessage: m.lastMessage, lastCheckAt: m.lastCheckAt })),
      },
      anomalies: this.openAnomalies(now),
      pendingApprovals,
      failedRuns24h: failed,
      sync: remoteStatus(this.d.remote, this.d.telemetry),
      traffic: { since: hourAgo, ...this.d.telemetry.requests(hourAgo) },
      appLog: { since: hourAgo, ...this.d.telemetry.appLog(hourAgo) },
      revenue: revenueSummary(this.d.revenue, now),
    };
  }

  upgradePlan(q: { availableVersion: string; currentVersion?: string | undefined; targetSchemaVersion?: number | undefined; releaseNotes?: string | undefined }): UpgradePlan {
    const wf = this.d.workflows;
    const activeRuns = wf ? (['queued', 'running', 'waiting'] as const).reduce((n, status) => n + wf.runs.list({ status, limit: 1000 }).length, 0) : 0;
    return planUpgrade({
      currentVersion: q.currentVersion ?? appVersion,
      availableVersion: q.availableVersion,
      currentSchema: this.d.schemaVersion(),
      targetSchema: q.targetSchemaVersion ?? latestSchemaVersion,
      releaseNotes: q.releaseNotes,
      activeRuns,
      pendingApprovals: wf ? wf.approvals.list({ status: 'pending', limit: 1000 }).length : 0,
      remoteConfigured: this.d.remote.configured,
      backupFirst: this.d.backupFirst?.(),
    });
  }

  /** Anomalies still open, most severe first. */
  private openAnomalies(now: number): Anomaly[] {
    return this.d.telemetry.anomalies({ since: now - ongoingMs, limit: 200 }).sort(bySeverity);
  }
}
