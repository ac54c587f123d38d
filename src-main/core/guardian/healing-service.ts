import type { HealingPlan, HealingStep, HealthScore } from '../../../shared/contract/guardian';
import type { LaunchStage } from '../../../shared/stage';
import type { Approval } from '../../../shared/contract/approvals';
import type { Clock } from '../clock';
import { CoreError } from '../errors';
import type { Logger } from '../logger';
import { planFor } from './healing';
import { applyHealing, refusalFor, type HealingActions, type HealingPreview } from './healing-apply';
import { defineApprovalSubject, type ApprovalService, type SubjectOutcome } from '../approvals';
import { computeScore, type Finding } from './score';

/** What requesting and applying healing needs of the approval system (the engine's ApprovalService). */
export type HealingApprovalPort = Pick<ApprovalService, 'request' | 'registerSubject' | 'audit' | 'pendingFor' | 'list' | 'cancel'>;

/** A healing request nobody decides on within a day is rejected: the plan has moved on by then. */
export const healingApprovalTimeoutMs = 24 * 3_600_000;

export interface HealingServiceDeps {
  clock: Clock;
  log: Logger;
  /** The score's findings now: each healing step answers one. */
  findings: () => { findings: Finding[]; notAssessed: HealthScore['notAssessed'] };
}

/**
 * The dry-run healing plan, and applying its steps: a step is requested as an approval, and
 * the founder's decision applies it through its owning service (HealingActions).
 */
export class HealingService {
  private healing: { approvals: HealingApprovalPort; actions: HealingActions; stage: () => LaunchStage } | undefined;

  constructor(private readonly d: HealingServiceDeps) {}

  healingPlan(): HealingPlan {
    const now = this.d.clock.now();
    const { findings, notAssessed } = this.d.findings();
    const score = computeScore(findings, notAssessed, now);
    return { at: now, dryRun: true, score: score.score, steps: this.healingSteps(findings).map((e) => e.step) };
  }

  /** createCore wires the approval system and the owning services in: healing steps can then be requested and applied. */
  connectApprovals(approvals: HealingApprovalPort, actions: HealingActions, stage: () => LaunchStage): void {
    this.healing = { approvals, actions, stage };
    approvals.registerSubject(defineApprovalSubject({ kind: 'guardian.healing', decided: (a) => this.healingDecided(a) }));
  }

  /**
   * Asks the founder to approve one step of the current plan. Nothing applies itself: the
   * approval's decision does. A step that cannot be applied here is refused with the reason;
   * asking twice returns the request already waiting.
   */
  requestHealing(stepId: string): Approval {
    const healing = this.healing;
    if (!healing) throw new CoreError('UNAVAILABLE', 'healing actions need the approval system, which is not connected in this process');
    const entry = this.healingSteps(this.d.findings().findings).find((e) => e.step.id === stepId);
    if (!entry) throw new CoreError('NOT_FOUND', `stepId: no step "${stepId}" in the current healing plan (it may be resolved already); read guardian.healingPlan again`, 'stepId');
    const { step, monitorId } = entry;
    if (!step.applicable || !step.proposal) throw new CoreError('CONFLICT', `stepId: "${step.title}" cannot be applied here: ${step.refusal ?? 'no action'}`, 'stepId');
    const preview: HealingPreview = {
      stepId: step.id,
      action: step.action,
      title: step.title,
      class: step.class,
      evidence: step.evidence,
      ...(step.evidenceTime ? { evidenceTime: step.evidenceTime } : {}),
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
    const current = new Set(this.healingSteps(this.d.findings().findings).map((e) => e.step.id));
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
  private async healingDecided(a: Approval): Promise<SubjectOutcome> {
    const healing = this.healing;
    if (!healing) return { ok: false, message: 'healing actions are not connected in this process' };
    const p = a.preview as HealingPreview | undefined;
    const audit = (mode: 'real' | 'blocked', decision: 'approved' | 'rejected' | 'expired', detail: string) =>
      healing.approvals.audit({ at: this.d.clock.now(), subject: { kind: 'guardian.healing', ref: a.subject.ref }, stepType: a.stepType, class: a.class, stage: healing.stage(), mode, decision, approvalId: a.id, attempt: 1, detail });
    if (a.status !== 'approved') {
      audit('blocked', a.status === 'expired' ? 'expired' : 'rejected', `not applied: approval ${a.status}`);
      return { ok: true, result: 'none', message: `not applied: the approval was ${a.status}` };
    }
    if (!p?.proposal) return { ok: false, message: 'the approval carries no action to apply' };
    audit('real', 'approved', p.title);
    try {
      const applied = await applyHealing(p, healing.actions);
      this.d.log.info({ approval: a.id, action: p.action }, 'healing action applied');
      return { ok: true, ...applied };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.d.log.warn({ approval: a.id, action: p.action, err: message }, 'healing action failed');
      return { ok: false, message: `failed: ${message}` };
    }
  }
}
