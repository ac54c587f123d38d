import type { Approval, ApprovalSubject, ApprovalSubjectKind } from '../../../shared/contract/workflows';
import type { StepClass } from '../../../shared/workflow';
import type { LaunchStage } from '../../../shared/stage';
import type { BackgroundTask } from '../background';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import type { EventBus } from '../event-bus';
import { uuidv7 } from '../ids';
import type { Runner } from './runner/runner';
import type { ApprovalFilter, ApprovalStore } from './store/approval-store';
import type { AuditStore, SubjectAuditEntry } from './store/audit-store';

/**
 * What the capability that owns a non-step subject does once its approval is decided
 * (approved, rejected, or expired): the upload is sent, the healing action applied… The
 * returned outcome is recorded on the approval and announced as `approval.applied`.
 */
export interface ApprovalSubjectHandler {
  decided(approval: Approval): { ok: boolean; message: string } | Promise<{ ok: boolean; message: string }>;
}

/** A request about an upload, a healing action… (steps ask through their run). */
export interface SubjectApprovalRequest {
  subject: ApprovalSubject & { kind: Exclude<ApprovalSubjectKind, 'step'> };
  /** The action: `drive.upload`, a healing action name. */
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
 * The founder's decisions, one mechanism for every subject (ARCHITECTURE §4): Class C (and
 * requested Class B) steps, pre-launch Drive uploads, Guardian healing actions. A step's
 * decision wakes its run; any other subject's is handed to the handler its owner registered.
 */
export class ApprovalService {
  private readonly handlers = new Map<ApprovalSubjectKind, ApprovalSubjectHandler>();
  private readonly acting = new Set<Promise<unknown>>();

  constructor(
    private readonly db: Db,
    private readonly store: ApprovalStore,
    private readonly runner: Runner,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly auditStore: AuditStore,
  ) {}

  /** The owning capability (products, guardian) registers here from createCore: no import of theirs in workflows. */
  handle(kind: Exclude<ApprovalSubjectKind, 'step'>, handler: ApprovalSubjectHandler): void {
    this.handlers.set(kind, handler);
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

  auditFor(kind: ApprovalSubjectKind, ref: string): SubjectAuditEntry[] {
    return this.auditStore.forSubject(kind, ref);
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

  /** Records the decision, then wakes the run (here, unless another process is executing it). */
  private decide(id: string, status: 'approved' | 'rejected', options: { reason?: string; by?: string }): Approval {
    const current = this.get(id);
    if (current.status !== 'pending') {
      throw new CoreError('CONFLICT', `id: approval ${id} is already ${current.status}${current.decidedBy ? ` (by ${current.decidedBy})` : ''}`, 'id');
    }
    const now = this.clock.now();
    if (current.expiresAt !== null && current.expiresAt <= now) {
      if (current.subject.kind !== 'step') this.sweepExpired();
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
    if (decided.subject.kind === 'step') {
      if (decided.runId !== null) this.runner.wake(decided.runId);
    } else this.act(decided);
    return decided;
  }

  /** Hands a decided non-step request to its owner; what the owner did is recorded as the outcome. */
  private act(decided: Approval): void {
    const handler = this.handlers.get(decided.subject.kind);
    const work = (async () => {
      let outcome: { ok: boolean; message: string };
      try {
        outcome = handler ? await handler.decided(decided) : { ok: false, message: `nothing in this process acts on ${decided.subject.kind} approvals` };
      } catch (err) {
        outcome = { ok: false, message: err instanceof Error ? err.message : String(err) };
      }
      this.store.setOutcome(decided.id, { ...outcome, at: this.clock.now() });
      this.events.emit('approval.applied', this.get(decided.id));
    })();
    this.acting.add(work);
    void work.finally(() => this.acting.delete(work));
  }
}
