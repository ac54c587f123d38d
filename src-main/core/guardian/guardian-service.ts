import { randomBytes } from 'node:crypto';
import type { Beat, ExecutiveSummary, HealingPlan, HealingStep, HealthScore, Monitor, MonitorState, UpgradePlan } from '../../../shared/contract/guardian';
import type { LaunchStage } from '../../../shared/stage';
import type { Anomaly, } from '../../../shared/contract/telemetry';
import type { Approval, RunSummary } from '../../../shared/contract/workflows';
import { appVersion } from '../../../shared/version';
import type { BackgroundTask } from '../background';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { latestSchemaVersion } from '../db/migrations';
import { CoreError } from '../errors';
import type { EventBus } from '../event-bus';
import { uuidv7 } from '../ids';
import type { Logger } from '../logger';
import type { RemoteDb } from '../remote/remote-db';
import { remoteStatus } from '../telemetry/remote-status';
import { ongoingMs } from '../telemetry/anomaly-store';
import { every } from '../periodic';
import type { TelemetryService } from '../telemetry/telemetry-service';
import { applyChanges, inMaintenance, newDefinition, type MonitorInput } from './definition';
import { planFor } from './healing';
import { applyHealing, refusalFor, type HealingActions, type HealingPreview } from './healing-apply';
import type { ApprovalService } from '../workflows/approval-service';
import { httpCheck } from './monitors/http';
import { internalCheck, type InternalSources } from './monitors/internal';
import { postgresCheck } from './monitors/postgres';
import { pushCheck } from './monitors/push';
import type { CheckOutcome, MonitorCheck, MonitorDefinition } from './monitors/types';
import { computeScore, type Finding } from './score';
import { planUpgrade } from './upgrade';

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
  workflows?: {
    runs: { list(filter: { status?: RunSummary['status']; limit: number }): RunSummary[] };
    approvals: { list(filter: { status?: Approval['status']; limit: number }): Approval[] };
    schedulerRunning: () => boolean;
  };
  /** Days of heartbeat history kept (default 30). */
  historyDays?: number;
}

interface MonitorRow {
  id: string;
  name: string;
  type: string;
  definition: string;
  push_token: string | null;
  state: MonitorState;
  failures: number;
  last_check_at: number | null;
  last_change_at: number | null;
  last_ping_at: number | null;
  last_alert_at: number | null;
  last_message: string | null;
  last_ms: number | null;
  created_at: number;
}

/** What requesting and applying healing needs of the approval system (the engine's ApprovalService). */
export type HealingApprovalPort = Pick<ApprovalService, 'request' | 'handle' | 'audit' | 'pendingFor' | 'list' | 'cancel'>;

/** A healing request nobody decides on within a day is rejected: the plan has moved on by then. */
export const healingApprovalTimeoutMs = 24 * 3_600_000;

export const heartbeatPathPrefix = '/heartbeat/';
const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

function toMonitor(r: MonitorRow): Monitor {
  const d = JSON.parse(r.definition) as MonitorDefinition;
  return {
    id: r.id,
    ...d,
    name: r.name,
    pushPath: r.push_token ? `${heartbeatPathPrefix}${r.push_token}` : null,
    state: r.state,
    failures: r.failures,
    lastCheckAt: r.last_check_at,
    lastChangeAt: r.last_change_at,
    lastPingAt: r.last_ping_at,
    lastMessage: r.last_message,
    lastMs: r.last_ms,
    createdAt: r.created_at,
  };
}

/**
 * Guardian: monitors with Uptime Kuma's semantics (UP, DOWN, PENDING while retrying,
 * MAINTENANCE), push heartbeats, the explained health score, the dry-run healing plan, the
 * executive summary and the upgrade planner.
 */
export class GuardianService {
  private readonly checks: Record<MonitorDefinition['type'], MonitorCheck>;
  private readonly inflight = new Map<string, Promise<Monitor>>();
  private healing: { approvals: HealingApprovalPort; actions: HealingActions; stage: () => LaunchStage } | undefined;

  constructor(private readonly d: GuardianDeps) {
    const sources: InternalSources = {
      dataDir: d.dataDir,
      backgroundRunning: d.backgroundRunning,
      ...(d.workflows ? { schedulerRunning: d.workflows.schedulerRunning } : {}),
      sync: () => {
        const lag = d.telemetry.lag();
        return { remoteConfigured: d.remote.configured, lastSyncAt: lag.lastSyncAt, pushPending: lag.pushPending };
      },
    };
    this.checks = { http: httpCheck, push: pushCheck, postgres: postgresCheck(d.remote), internal: internalCheck(sources) };
  }

  // ---- monitors ----------------------------------------------------------------------------

  list(): Monitor[] {
    return (this.d.db.prepare('SELECT * FROM guardian_monitors ORDER BY created_at, id').all() as MonitorRow[]).map(toMonitor);
  }

  get(id: string): Monitor {
    return toMonitor(this.row(id));
  }

  add(input: MonitorInput): Monitor {
    const def = newDefinition(input);
    const now = this.d.clock.now();
    const id = uuidv7(now);
    const token = def.type === 'push' ? randomBytes(24).toString('base64url') : null;
    this.d.db
      .prepare('INSERT INTO guardian_monitors (id, name, type, definition, push_token, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, def.name, def.type, JSON.stringify(def), token, 'PENDING', now, now);
    const monitor = this.get(id);
    this.d.events.emit('guardian.monitorChanged', { monitor, id, previous: null, reason: 'added' });
    this.d.log.info({ monitor: id, type: def.type }, 'monitor added');
    return monitor;
  }

  update(id: string, input: MonitorInput): Monitor {
    const row = this.row(id);
    const def = applyChanges(JSON.parse(row.definition) as MonitorDefinition, input);
    this.d.db.prepare('UPDATE guardian_monitors SET name = ?, definition = ?, updated_at = ? WHERE id = ?').run(def.name, JSON.stringify(def), this.d.clock.now(), id);
    const monitor = this.get(id);
    this.d.events.emit('guardian.monitorChanged', { monitor, id, previous: row.state, reason: 'updated' });
    return monitor;
  }

  remove(id: string): boolean {
    const row = this.d.db.prepare('SELECT state FROM guardian_monitors WHERE id = ?').get(id) as { state: MonitorState } | undefined;
    if (!row) return false;
    this.d.db.prepare('DELETE FROM guardian_monitors WHERE id = ?').run(id);
    this.d.events.emit('guardian.monitorChanged', { monitor: null, id, previous: row.state, reason: 'removed' });
    return true;
  }

  beats(id: string, q: { since?: number | undefined; limit: number }): Beat[] {
    this.row(id);
    const rows = this.d.db
      .prepare('SELECT monitor_id, at, state, message, ms, important FROM guardian_beats WHERE monitor_id = ? AND at >= ? ORDER BY at DESC, id DESC LIMIT ?')
      .all(id, q.since ?? 0, q.limit) as Array<{ monitor_id: string; at: number; state: MonitorState; message: string; ms: number | null; important: number }>;
    return rows.map((r) => ({ monitorId: r.monitor_id, at: r.at, state: r.state, message: r.message, ms: r.ms, important: r.important === 1 }));
  }

  /** A push monitor's ping (GET|POST /heartbeat/<token>): recorded, then judged at once. */
  async ping(token: string): Promise<Monitor> {
    const row = this.d.db.prepare('SELECT * FROM guardian_monitors WHERE push_token = ?').get(token) as MonitorRow | undefined;
    if (!row) throw new CoreError('NOT_FOUND', 'token: no push monitor has this token', 'token');
    this.d.db.prepare('UPDATE guardian_monitors SET last_ping_at = ? WHERE id = ?').run(this.d.clock.now(), row.id);
    return this.checkOne(row.id);
  }

  /** Every (unpaused) monitor once, all at once: a hanging target only holds its own check. */
  async checkAll(): Promise<Monitor[]> {
    const ids = this.list().filter((m) => !m.paused).map((m) => m.id);
    // one monitor removed mid-check (or failing oddly) never fails the others
    await Promise.allSettled(ids.map((id) => this.checkOne(id)));
    this.closeResolvedHealing();
    return this.list();
  }

  /** One check of one monitor; a check already running for it is joined, not doubled. */
  checkOne(id: string): Promise<Monitor> {
    const running = this.inflight.get(id);
    if (running) return running;
    const p = this.runCheck(id).finally(() => this.inflight.delete(id));
    this.inflight.set(id, p);
    return p;
  }

  private async runCheck(id: string): Promise<Monitor> {
    const row = this.row(id);
    const def = JSON.parse(row.definition) as MonitorDefinition;
    const started = this.d.clock.now();
    const window = inMaintenance(def, started);
    let outcome: CheckOutcome;
    if (window) outcome = { status: 'unknown', message: `maintenance until ${new Date(window.to).toISOString()}${window.reason ? `: ${window.reason}` : ''}`, ms: null };
    else outcome = await this.bounded(def, row);

    // the row may have changed (a ping, an edit, a removal) while the check ran
    const fresh = this.d.db.prepare('SELECT * FROM guardian_monitors WHERE id = ?').get(id) as MonitorRow | undefined;
    if (!fresh) throw new CoreError('NOT_FOUND', `id: no monitor ${id}`, 'id');
    const now = this.d.clock.now();
    const previous = fresh.state;
    let state: MonitorState;
    let failures = fresh.failures;
    let message = outcome.message;
    if (window) {
      state = 'MAINTENANCE';
      failures = 0;
    } else if (outcome.status === 'up') {
      state = 'UP';
      failures = 0;
    } else if (outcome.status === 'unknown') {
      state = 'PENDING';
      failures = 0;
    } else {
      failures += 1;
      if (failures > def.retries || previous === 'DOWN') state = 'DOWN';
      else {
        state = 'PENDING';
        message = `retry ${failures} of ${def.retries}: ${outcome.message}`;
      }
    }
    const important = state !== previous || fresh.last_check_at === null;
    let alertAt = fresh.last_alert_at;
    let alert: 'down' | 'up' | 'resend' | undefined;
    if (state === 'DOWN' && previous !== 'DOWN') alert = 'down';
    else if (state === 'DOWN' && def.resendIntervalSeconds > 0 && alertAt !== null && now - alertAt >= def.resendIntervalSeconds * 1000) alert = 'resend';
    else if (state === 'UP' && previous === 'DOWN') alert = 'up';
    if (alert) alertAt = now;

    this.d.db.transaction(() => {
      this.d.db.prepare('INSERT INTO guardian_beats (monitor_id, at, state, message, ms, important) VALUES (?, ?, ?, ?, ?, ?)').run(id, now, state, message, outcome.ms, important ? 1 : 0);
      this.d.db
        .prepare('UPDATE guardian_monitors SET state = ?, failures = ?, last_check_at = ?, last_change_at = ?, last_alert_at = ?, last_message = ?, last_ms = ? WHERE id = ?')
        .run(state, failures, now, state !== previous ? now : fresh.last_change_at, alertAt, message, outcome.ms, id);
    })();
    const monitor = this.get(id);
    if (important) this.d.events.emit('guardian.monitorChanged', { monitor, id, previous: fresh.last_check_at === null ? null : previous, reason: 'check' });
    if (alert) {
      const text = alert === 'up' ? `"${monitor.name}" is UP again: ${message}` : `"${monitor.name}" is DOWN${alert === 'resend' ? ' (still)' : ''}: ${message}`;
      this.d.log.warn({ monitor: id, alert }, text);
      this.d.events.emit('guardian.alert', { monitorId: id, name: monitor.name, kind: alert, message: text, at: now });
    }
    return monitor;
  }

  /** The check under its timeout: aborted at the timeout, and given up on shortly after if it ignores the abort. */
  private async bounded(def: MonitorDefinition, row: MonitorRow): Promise<CheckOutcome> {
    const controller = new AbortController();
    const timeoutMs = def.timeoutSeconds * 1000;
    const timers: NodeJS.Timeout[] = [];
    const giveUp = new Promise<CheckOutcome>((resolve) => {
      timers.push(setTimeout(() => controller.abort(), timeoutMs));
      timers.push(setTimeout(() => resolve({ status: 'down', message: `timed out after ${def.timeoutSeconds} s`, ms: timeoutMs }), timeoutMs + 250));
    });
    try {
      return await Promise.race([
        this.checks[def.type](def, { now: this.d.clock.now(), signal: controller.signal, lastPingAt: row.last_ping_at, createdAt: row.created_at }).catch(
          (err: unknown): CheckOutcome => ({ status: 'down', message: err instanceof Error ? err.message : String(err), ms: null }),
        ),
        giveUp,
      ]);
    } finally {
      for (const t of timers) clearTimeout(t);
      controller.abort();
    }
  }

  private row(id: string): MonitorRow {
    const row = this.d.db.prepare('SELECT * FROM guardian_monitors WHERE id = ?').get(id) as MonitorRow | undefined;
    if (!row) throw new CoreError('NOT_FOUND', `id: no monitor ${id}`, 'id');
    return row;
  }

  // ---- score, plan, summary ----------------------------------------------------------------

  private openAnomalies(now: number): Anomaly[] {
    return this.d.telemetry.anomalies({ since: now - ongoingMs, limit: 200 });
  }

  /** Everything the score deducts for, with the evidence. */
  findings(now: number = this.d.clock.now()): { findings: Finding[]; notAssessed: HealthScore['notAssessed'] } {
    const findings: Finding[] = [];
    const notAssessed: HealthScore['notAssessed'] = [];
    for (const m of this.list()) {
      if (m.state !== 'DOWN') continue;
      const since = m.lastChangeAt ? ` since ${new Date(m.lastChangeAt).toISOString()}` : '';
      findings.push({ kind: 'monitor_down', subject: m.id, cause: `Monitor "${m.name}" is DOWN`, evidence: `${m.lastMessage ?? 'no message'}${since}`, weight: 15, monitor: m });
    }
    for (const a of this.openAnomalies(now)) {
      const evidence = `${a.summary} (${a.severity}, last seen ${new Date(a.lastSeenAt).toISOString()})`;
      if (a.kind === 'error_burn_rate') findings.push({ kind: 'error_burn', subject: a.subject, cause: `Error budget burning on ${a.subject}`, evidence, weight: a.severity === 'page' ? 20 : a.severity === 'ticket' ? 10 : 5, anomaly: a });
      else if (a.kind === 'slow_endpoint') findings.push({ kind: 'slow_endpoint', subject: a.subject, cause: `Slow endpoint ${a.subject}`, evidence, weight: 5, anomaly: a });
      else findings.push({ kind: 'anomaly', subject: a.subject, cause: `Anomaly: ${a.summary}`, evidence, weight: 3, anomaly: a });
    }
    const wf = this.d.workflows;
    if (wf) {
      const failed = wf.runs.list({ status: 'failed', limit: 1000 }).filter((r) => (r.finishedAt ?? r.createdAt) >= now - dayMs);
      const byWorkflow = new Map<string, RunSummary[]>();
      for (const r of failed) {
        const key = r.workflowId ?? r.workflowName;
        byWorkflow.set(key, [...(byWorkflow.get(key) ?? []), r]);
      }
      for (const runs of byWorkflow.values()) {
        const first = runs[0]!;
        const lastError = runs.find((r) => r.error)?.error?.message;
        findings.push({
          kind: 'failed_runs',
          subject: first.workflowId ?? first.workflowName,
          cause: `Workflow "${first.workflowName}" failed ${runs.length} time${runs.length === 1 ? '' : 's'} in 24 h`,
          evidence: `runs ${runs.slice(0, 5).map((r) => r.id).join(', ')}${lastError ? `; last error: ${lastError}` : ''}`,
          weight: Math.min(9, 3 * runs.length),
          workflow: { id: first.workflowId, name: first.workflowName, failedRunIds: runs.map((r) => r.id) },
        });
      }
      for (const a of wf.approvals.list({ status: 'pending', limit: 1000 })) {
        const waited = now - a.requestedAt;
        if (waited <= dayMs) continue;
        findings.push({
          kind: 'approval_waiting',
          subject: a.id,
          cause: `Approval for "${a.workflowName ?? a.subject.title}" (${a.stepType}, class ${a.class}) waiting ${Math.floor(waited / hourMs)} h`,
          evidence: `requested ${new Date(a.requestedAt).toISOString()} by ${a.requestedBy}: ${a.message}`,
          weight: 5,
          approval: { id: a.id, class: a.class, kind: a.subject.kind },
        });
      }
    } else {
      notAssessed.push({ kind: 'failed_runs', reason: 'the workflow engine is not available' }, { kind: 'approval_waiting', reason: 'the workflow engine is not available' });
    }
    notAssessed.push({ kind: 'stale_backup', reason: 'no backup service exists yet' });
    if (this.d.remote.configured) {
      const lag = this.d.telemetry.lag();
      const remoteError = this.d.remote.status().state === 'error';
      const age = lag.lastSyncAt === undefined ? undefined : now - lag.lastSyncAt;
      if (age === undefined || age > hourMs) {
        const evidence = `${age === undefined ? 'never synced' : `last sync ${new Date(lag.lastSyncAt!).toISOString()}`}; ${lag.pushPending} local rows waiting${remoteError ? `; remote error: ${this.d.remote.status().lastError?.message ?? 'unknown'}` : ''}`;
        findings.push({ kind: 'sync_lag', subject: 'telemetry', cause: age === undefined ? 'Telemetry has never synced with the remote' : `Telemetry sync is ${Math.floor(age / hourMs)} h behind`, evidence, weight: age === undefined || age > dayMs ? 10 : 5, sync: { remoteError } });
      }
    } else notAssessed.push({ kind: 'sync_lag', reason: 'no remote Postgres configured' });
    return { findings, notAssessed };
  }

  score(now: number = this.d.clock.now()): HealthScore {
    const { findings, notAssessed } = this.findings(now);
    return computeScore(findings, notAssessed, now);
  }

  /** Stores the score now (the hourly background task; also callable). */
  storeScore(): HealthScore {
    this.closeResolvedHealing();
    const s = this.score();
    this.d.db.prepare('INSERT INTO guardian_scores (at, score, breakdown) VALUES (?, ?, ?) ON CONFLICT (at) DO UPDATE SET score = excluded.score, breakdown = excluded.breakdown').run(s.at, s.score, JSON.stringify(s.breakdown));
    this.d.events.emit('guardian.scoreStored', { at: s.at, score: s.score });
    return s;
  }

  scoreHistory(q: { since?: number | undefined; limit: number }): Array<{ at: number; score: number }> {
    return this.d.db.prepare('SELECT at, score FROM (SELECT at, score FROM guardian_scores WHERE at >= ? ORDER BY at DESC LIMIT ?) ORDER BY at').all(q.since ?? 0, q.limit) as Array<{ at: number; score: number }>;
  }

  healingPlan(): HealingPlan {
    const now = this.d.clock.now();
    const { findings, notAssessed } = this.findings(now);
    const score = computeScore(findings, notAssessed, now);
    return { at: now, dryRun: true, score: score.score, steps: this.healingSteps(findings).map((e) => e.step) };
  }

  /** createCore wires the approval system and the owning services in: healing steps can then be requested and applied. */
  connectApprovals(approvals: HealingApprovalPort, actions: HealingActions, stage: () => LaunchStage): void {
    this.healing = { approvals, actions, stage };
    approvals.handle('guardian.healing', { decided: (a) => this.healingDecided(a) });
  }

  /**
   * Asks the founder to approve one step of the current plan. Nothing applies itself: the
   * approval's decision does. A step that cannot be applied here is refused with the reason;
   * asking twice returns the request already waiting.
   */
  requestHealing(stepId: string): Approval {
    const healing = this.healing;
    if (!healing) throw new CoreError('UNAVAILABLE', 'healing actions need the approval system, which is not connected in this process');
    const entry = this.healingSteps(this.findings().findings).find((e) => e.step.id === stepId);
    if (!entry) throw new CoreError('NOT_FOUND', `stepId: no step "${stepId}" in the current healing plan (it may be resolved already); read guardian.healingPlan again`, 'stepId');
    const { step, monitorId } = entry;
    if (!step.applicable || !step.proposal) throw new CoreError('CONFLICT', `stepId: "${step.title}" cannot be applied here: ${step.refusal ?? 'no action'}`, 'stepId');
    const preview: HealingPreview = {
      stepId: step.id,
      action: step.action,
      title: step.title,
      class: step.class,
      evidence: step.evidence,
      expectedEffect: step.expectedEffect,
      proposal: step.proposal,
      ...(monitorId ? { monitorId } : {}),
    };
    return healing.approvals.request({
      subject: { kind: 'guardian.healing', ref: step.id, title: step.title },
      action: step.action,
      class: step.class,
      stage: healing.stage(),
      message: `Healing: ${step.title}`,
      preview,
      requestedBy: 'Guardian healing plan',
      timeoutMs: healingApprovalTimeoutMs,
    });
  }

  /**
   * A healing request whose finding has cleared (the monitor is UP again, the runs were
   * retried…) is cancelled, so the inbox never asks for a fix that is no longer needed.
   * Returns the ids cancelled.
   */
  closeResolvedHealing(): string[] {
    const healing = this.healing;
    if (!healing) return [];
    const pending = healing.approvals.list({ status: 'pending', kind: 'guardian.healing', limit: 500 });
    if (pending.length === 0) return [];
    const current = new Set(this.healingSteps(this.findings().findings).map((e) => e.step.id));
    return pending
      .filter((a) => !current.has(a.subject.ref))
      .flatMap((a) => (healing.approvals.cancel(a.id, 'the finding cleared: the healing plan no longer lists this step', 'Guardian') ? [a.id] : []));
  }

  /** The plan's steps with stable ids (`<action>:<target>`), whether they can be applied, and their waiting approval. */
  private healingSteps(findings: Finding[]): Array<{ step: HealingStep; monitorId?: string }> {
    const seen = new Map<string, number>();
    return findings.flatMap((f) =>
      planFor(f).map((s) => {
        const target = typeof s.proposal?.input.id === 'string' ? s.proposal.input.id : f.subject;
        const base = `${s.action}:${target}`;
        const n = (seen.get(base) ?? 0) + 1;
        seen.set(base, n);
        const id = n === 1 ? base : `${base}#${n}`;
        const refusal = refusalFor(s, this.healing?.actions);
        const pending = this.healing?.approvals.pendingFor('guardian.healing', id);
        const step: HealingStep = { id, ...s, applicable: refusal === undefined, ...(refusal ? { refusal } : {}), ...(pending ? { pendingApprovalId: pending.id } : {}) };
        return { step, ...(f.kind === 'monitor_down' && f.monitor ? { monitorId: f.monitor.id } : {}) };
      }),
    );
  }

  /** The founder decided on a healing request (or it timed out): apply it through its owning service, or leave it. */
  private async healingDecided(a: Approval): Promise<{ ok: boolean; message: string }> {
    const healing = this.healing;
    if (!healing) return { ok: false, message: 'healing actions are not connected in this process' };
    const p = a.preview as HealingPreview | undefined;
    const audit = (mode: 'real' | 'blocked', decision: 'approved' | 'rejected' | 'expired', detail: string) =>
      healing.approvals.audit({ at: this.d.clock.now(), subject: { kind: 'guardian.healing', ref: a.subject.ref }, stepType: a.stepType, class: a.class, stage: healing.stage(), mode, decision, approvalId: a.id, attempt: 1, detail });
    if (a.status !== 'approved') {
      audit('blocked', a.status === 'expired' ? 'expired' : 'rejected', `not applied: approval ${a.status}`);
      return { ok: true, message: `not applied: the approval was ${a.status}` };
    }
    if (!p?.proposal) return { ok: false, message: 'the approval carries no action to apply' };
    audit('real', 'approved', p.title);
    try {
      const message = await applyHealing(p, healing.actions);
      this.d.log.info({ approval: a.id, action: p.action }, 'healing action applied');
      return { ok: true, message };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.d.log.warn({ approval: a.id, action: p.action, err: message }, 'healing action failed');
      return { ok: false, message: `failed: ${message}` };
    }
  }

  summary(): ExecutiveSummary {
    const now = this.d.clock.now();
    const s = this.score(now);
    const prev = this.d.db.prepare('SELECT at, score FROM guardian_scores WHERE at < ? ORDER BY at DESC LIMIT 1').get(now) as { at: number; score: number } | undefined;
    const delta = prev ? s.score - prev.score : null;
    const monitors = this.list();
    const count = (st: MonitorState) => monitors.filter((m) => m.state === st).length;
    let pendingApprovals: ExecutiveSummary['pendingApprovals'] = { count: 0, oldestAt: null };
    let failedRuns24h = 0;
    if (this.d.workflows) {
      const pending = this.d.workflows.approvals.list({ status: 'pending', limit: 1000 });
      pendingApprovals = { count: pending.length, oldestAt: pending.length ? Math.min(...pending.map((a) => a.requestedAt)) : null };
      failedRuns24h = this.d.workflows.runs.list({ status: 'failed', limit: 1000 }).filter((r) => (r.finishedAt ?? r.createdAt) >= now - dayMs).length;
    }
    return {
      at: now,
      score: s.score,
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
      failedRuns24h,
      sync: remoteStatus(this.d.remote, this.d.telemetry),
    };
  }

  upgradePlan(q: { availableVersion: string; currentVersion?: string | undefined; targetSchemaVersion?: number | undefined; releaseNotes?: string | undefined }): UpgradePlan {
    const wf = this.d.workflows;
    const activeRuns = wf ? (['queued', 'running', 'waiting'] as const).reduce((n, status) => n + wf.runs.list({ status, limit: 1000 }).length, 0) : 0;
    return planUpgrade({
      currentVersion: q.currentVersion ?? appVersion,
      availableVersion: q.availableVersion,
      currentSchema: this.d.db.pragma('user_version', { simple: true }) as number,
      targetSchema: q.targetSchemaVersion ?? latestSchemaVersion,
      releaseNotes: q.releaseNotes,
      activeRuns,
      pendingApprovals: wf ? wf.approvals.list({ status: 'pending', limit: 1000 }).length : 0,
      remoteConfigured: this.d.remote.configured,
    });
  }

  /** Heartbeat history past its retention removed; returns the rows removed. */
  prune(now: number = this.d.clock.now()): number {
    const days = this.d.historyDays ?? 30;
    const beats = this.d.db.prepare('DELETE FROM guardian_beats WHERE at < ?').run(now - days * dayMs).changes;
    this.d.db.prepare('DELETE FROM guardian_scores WHERE at < ?').run(now - 400 * dayMs);
    return beats;
  }

  /** Monitors on their intervals, the hourly score and the history retention: levqor serve and the desktop app. */
  backgroundTasks(): BackgroundTask[] {
    const { log } = this.d;
    const monitors: BackgroundTask = {
      name: 'guardian.monitors',
      start: () => {
        let stopped = false;
        let timer: NodeJS.Timeout | undefined;
        const tick = () => {
          if (stopped) return;
          try {
            const now = this.d.clock.now();
            for (const m of this.list()) {
              if (m.paused || this.inflight.has(m.id)) continue;
              if (m.lastCheckAt === null || now - m.lastCheckAt >= m.intervalSeconds * 1000) {
                this.checkOne(m.id).catch((err: unknown) => log.warn({ monitor: m.id, err: err instanceof Error ? err.message : String(err) }, 'monitor check failed'));
              }
            }
          } catch (err) {
            log.warn({ err: err instanceof Error ? err.message : String(err) }, 'guardian tick failed');
          }
          timer = setTimeout(tick, 1_000);
          timer.unref();
        };
        timer = setTimeout(tick, 500);
        timer.unref();
        return async () => {
          stopped = true;
          if (timer) clearTimeout(timer);
          await Promise.allSettled([...this.inflight.values()]);
        };
      },
    };
    return [monitors, every('guardian.score', () => hourMs, () => this.storeScore(), log, 60_000), every('guardian.retention', () => hourMs, () => this.prune(), log, 120_000)];
  }
}
