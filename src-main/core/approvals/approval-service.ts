import type { Approval, ApprovalSubject, ApprovalSubjectKind } from '../../../shared/contract/approvals';
import type { StepClass } from '../../../shared/workflow';
import type { LaunchStage } from '../../../shared/stage';
import type { BackgroundTask } from '../background';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import type { EventBus } from '../event-bus';
import { uuidv7 } from '../ids';
import { ApprovalStore, type ApprovalFilter } from './approval-store';
import { AuditStore, type SubjectAuditEntry } from './audit-store';
import type { ApprovalSubjectDefinition, SubjectOutcome } from './subject';
import type { ActionAuditKind, AuditEntry, AuditFilter } from '../../../shared/contract/audit';
import { AuditLog } from './audit-log';
import { auditFile } from './audit-export';

export interface ApprovalServiceDeps {
  db: Db;
  clock: Clock;
  events: EventBus;
}

/** A request about an upload, a healing action, an update… (a step's run writes its own, in its own transaction). */
export interface SubjectApprovalRequest {
  subject: ApprovalSubject & { kind: Exclude<ApprovalSubjectKind, 'step'> };
  /** The action: `drive.upload`, a healing action name, `app.install`. */
  action: string;
  class: StepClass;
  stage: LaunchStage;
  message: string;
  preview: unknown;
  requestedBy: string;
  /** How long it stays open; no decision by then rejects it (a timeout never approves). */
  timeoutMs: number;
}

/** How often pending non-step requests are checked for their expiry. */
const sweepEveryMs = 60_000;

/**
 * The founder's decisions, one mechanism for every subject (docs/architecture.md): Class C (and
 * requested Class B) steps, pre-launch Drive uploads, Guardian healing actions, app updates.
 * Each kind's owner registers its subject (createCore does, before anything can be decided),
 * and every decision is handed to the subject of its kind: the engine's wakes the run, the
 * others act and report an outcome.
 */
export class ApprovalService {
  private readonly subjects = new Map<ApprovalSubjectKind, ApprovalSubjectDefinition>();
  private readonly acting = new Set<Promise<unknown>>();
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly events: EventBus;
  private readonly store: ApprovalStore;
  private readonly auditStore: AuditStore;
  private readonly auditLog: AuditLog;

  constructor(deps: ApprovalServiceDeps) {
    this.db = deps.db;
    this.clock = deps.clock;
    this.events = deps.events;
    this.store = new ApprovalStore(deps.db);
    this.auditStore = new AuditStore(deps.db);
    this.auditLog = new AuditLog(deps.db);
  }

  /** The owning capability registers its kind here from createCore; approvals imports none of them. */
  registerSubject(subject: ApprovalSubjectDefinition): void {
    if (this.subjects.has(subject.kind)) throw new Error(`approval subject ${subject.kind} is registered twice`);
    this.subjects.set(subject.kind, subject);
  }

  /** The kinds some owner registered, in registration order. */
  get subjectKinds(): ApprovalSubjectKind[] {
    return [...this.subjects.keys()];
  }

  list(filter: ApprovalFilter): Approval[] {
    return this.store.list(filter);
  }

  /** The waiting request about a subject, if any. */
  pendingFor(kind: ApprovalSubjectKind, ref: string): Approval | undefined {
    return this.store.pendingFor(kind, ref);
  }

  /** Asks the founder about a non-step subject; an existing pending request for it is returned instead. */
  request(r: SubjectApprovalRequest): Approval {
    const existing = this.store.pendingFor(r.subject.kind, r.subject.ref);
    if (existing) return existing;
    const now = this.clock.now();
    const id = uuidv7(now);
    this.store.insertSubject({
      id,
      subject: r.subject,
      stepType: r.action,
      class: r.class,
      stage: r.stage,
      message: r.message,
      preview: JSON.stringify(r.preview ?? null),
      requestedBy: r.requestedBy,
      requestedAt: now,
      expiresAt: now + r.timeoutMs,
    });
    const created = this.get(id);
    this.events.emit('approval.requested', created);
    return created;
  }

  /** The owner withdraws a pending non-step request (superseded, no longer needed); its handler is not called. */
  cancel(id: string, reason: string, by = 'levqor'): Approval | undefined {
    if (!this.store.decide(id, 'cancelled', by, this.clock.now(), reason)) return undefined;
    const cancelled = this.get(id);
    this.events.emit('approval.decided', cancelled);
    return cancelled;
  }

  /** A row in the side-effect audit for a non-step subject (its dry run, its real run, its block). */
  audit(entry: SubjectAuditEntry): void {
    this.auditStore.insertSubject(entry);
  }

  auditFor(kind: ApprovalSubjectKind | ActionAuditKind, ref: string): SubjectAuditEntry[] {
    return this.auditStore.forSubject(kind, ref);
  }

  /** The audit log view: approvals and side effects together, newest first, filtered (audit-log.ts). */
  auditEntries(filter: AuditFilter): { entries: AuditEntry[]; kinds: string[] } {
    return { entries: this.auditLog.list(filter), kinds: this.auditLog.kinds() };
  }

  /** The filtered audit log as a file's content; nothing is written on this machine. */
  exportAudit(filter: AuditFilter, format: 'csv' | 'json') {
    return auditFile(this.auditLog.list(filter), format, this.clock.now());
  }

  /** Non-step requests past their timeout become `expired`, and their owner acts as on a rejection. */
  sweepExpired(): Approval[] {
    const now = this.clock.now();
    const expired: Approval[] = [];
    for (const a of this.store.expiredSubjects(now)) {
      if (!this.store.decide(a.id, 'expired', 'timeout', now, 'no decision before the timeout')) continue;
      const decided = this.get(a.id);
      expired.push(decided);
      this.events.emit('approval.decided', decided);
      this.act(decided);
    }
    return expired;
  }

  /** Resolves once every owner's action on a decision made so far has finished (CLI: before exit; tests). */
  async settled(): Promise<void> {
    while (this.acting.size > 0) await Promise.allSettled([...this.acting]);
  }

  /** Sweeps expired non-step requests now and then (levqor serve, the desktop app). */
  backgroundTask(): BackgroundTask {
    return {
      name: 'approvals.expiry',
      start: () => {
        const tick = () => {
          try {
            this.sweepExpired();
          } catch {
            // a locked database now is retried at the next tick
          }
        };
        const timer = setInterval(tick, sweepEveryMs);
        timer.unref();
        tick();
        return async () => {
          clearInterval(timer);
          await this.settled();
        };
      },
    };
  }

  get(id: string): Approval {
    const a = this.store.get(id);
    if (!a) throw new CoreError('NOT_FOUND', `id: no approval has id "${id}"`, 'id');
    return a;
  }

  approve(id: string, options: { reason?: string; by?: string } = {}): Approval {
    return this.decide(id, 'approved', options);
  }

  reject(id: string, options: { reason?: string; by?: string } = {}): Approval {
    return this.decide(id, 'rejected', options);
  }

  /** Records the decision, then hands it to its subject (a step's wakes the run, here unless another process is executing it). */
  private decide(id: string, status: 'approved' | 'rejected', options: { reason?: string; by?: string }): Approval {
    const current = this.get(id);
    if (current.status !== 'pending') {
      throw new CoreError('CONFLICT', `id: approval ${id} is already ${current.status}${current.decidedBy ? ` (by ${current.decidedBy})` : ''}`, 'id');
    }
    const refusal = status === 'approved' ? this.subjects.get(current.subject.kind)?.refusesApproval?.(current) : undefined;
    if (refusal) throw new CoreError('CONFLICT', `id: ${refusal}`, 'id');
    const now = this.clock.now();
    if (current.expiresAt !== null && current.expiresAt <= now) {
      // a step's request is timed out by its run; any other expired one is swept now
      this.sweepExpired();
      throw new CoreError('CONFLICT', `id: approval ${id} timed out at ${new Date(current.expiresAt).toISOString()}`, 'id');
    }
    const ok = this.db
      .transaction(() => {
        if (!this.store.decide(id, status, options.by ?? 'founder', now, options.reason ?? null)) return false;
        return true;
      })
      .immediate();
    if (!ok) throw new CoreError('CONFLICT', `id: approval ${id} was decided meanwhile`, 'id');
    const decided = this.get(id);
    this.events.emit('approval.decided', decided);
    this.act(decided);
    return decided;
  }

  /** Hands a decided request to the subject of its kind; what the owner did is recorded as the outcome. */
  private act(decided: Approval): void {
    const subject = this.subjects.get(decided.subject.kind);
    const work = (async () => {
      let outcome: SubjectOutcome | void;
      try {
        outcome = subject ? await subject.decided(decided) : { ok: false, message: `nothing in this process acts on ${decided.subject.kind} approvals` };
      } catch (err) {
        outcome = { ok: false, message: err instanceof Error ? err.message : String(err) };
      }
      if (!outcome) return;
      this.store.setOutcome(decided.id, { ok: outcome.ok, result: outcome.result ?? (outcome.ok ? 'good' : 'bad'), message: outcome.message, at: this.clock.now() });
      const applied = this.get(decided.id);
      this.events.emit('approval.applied', applied);
      await subject?.recorded?.(applied);
    })();
    this.acting.add(work);
    void work.finally(() => this.acting.delete(work));
  }
}
