import type { Approval } from '../../../shared/contract/approvals';
import type { HardeningReport, PreflightReport } from '../../../shared/contract/governance';
import type { StageState } from '../../../shared/contract/stage';
import { launchStageSchema, type LaunchStage } from '../../../shared/stage';
import { defineApprovalSubject, type ApprovalService } from '../approvals';
import type { Clock } from '../clock';
import { CoreError } from '../errors';
import type { StageService } from '../stage';
import { preflightChecks } from './checks';
import type { PreflightCheckDef } from './check';
import { hardeningItems, judgeHardening } from './hardening';
import { overrideKind, overrideReason, overrideRequest } from './override-approval';
import { defaultCheckTimeoutMs, runPreflight } from './preflight';
import type { GovernanceSources, RuntimeFacts } from './sources';

export interface GovernanceDeps {
  clock: Clock;
  stage: StageService;
  approvals: ApprovalService;
  /** Everything but the runtime facts, which the transport reports (reportRuntime). */
  sources: Omit<GovernanceSources, 'runtime'>;
  /** How long one preflight check may take (tests shorten it). */
  checkTimeoutMs?: number;
  checks?: readonly PreflightCheckDef[];
}

/**
 * Governance: the preflight that guards post-launch, the hardening checklist, and the one way
 * the stage is switched from outside core (stage.set, the override's approval), each switch
 * and each refusal written to the audit log.
 */
export class GovernanceService {
  private runtimeFacts: RuntimeFacts = { transport: 'cli' };
  private readonly sources: GovernanceSources;

  constructor(private readonly d: GovernanceDeps) {
    this.sources = { ...d.sources, runtime: () => this.runtimeFacts };
  }

  /** levqor serve (its bound host) and the desktop app (its window) say what they are; the CLI says nothing. */
  reportRuntime(facts: RuntimeFacts): void {
    this.runtimeFacts = facts;
  }

  preflight(): Promise<PreflightReport> {
    return runPreflight(this.d.checks ?? preflightChecks, this.sources, this.d.clock, this.d.checkTimeoutMs ?? defaultCheckTimeoutMs);
  }

  hardening(): Promise<HardeningReport> {
    return judgeHardening(hardeningItems, this.sources, this.d.clock.now());
  }

  /**
   * Switches the stage as the founder asked. Going post-launch (from a stored pre-launch) runs
   * the preflight first and is refused while any check blocks, naming each; nothing changes then.
   */
  async setStage(stage: LaunchStage, by = 'founder'): Promise<StageState> {
    if (stage === 'post-launch' && this.d.stage.state().stored !== 'post-launch') {
      const report = await this.preflight();
      if (report.blocked) {
        const blocking = report.checks.filter((c) => c.status === 'block');
        this.audit(stage, 'blocked', 'preflight', by, null, { blocking: blocking.map((c) => c.id) });
        throw new CoreError(
          'CONFLICT',
          `stage: post-launch is refused while the preflight blocks: ${blocking.map((c) => `${c.label} — ${c.reason}`).join(' ')} Fix these, or ask for an override (levqor stage override post-launch --reason "…").`,
          'stage',
        );
      }
      return this.switchTo(stage, by, null, { warnings: report.checks.filter((c) => c.status === 'warn').map((c) => c.id) });
    }
    return this.switchTo(stage, by, null, {});
  }

  /**
   * The stage written as a setting (settings.set stage, levqor settings set stage …): gated like
   * setStage, so no path to post-launch goes around the preflight.
   */
  async setStageSetting(value: unknown, by = 'founder'): Promise<void> {
    const stage = launchStageSchema.safeParse(value);
    if (stage.success) await this.setStage(stage.data, by);
  }

  /** Asks for a Class C approval to go post-launch although the preflight blocks; approving it switches. */
  async requestOverride(reason: string, by = 'founder'): Promise<Approval> {
    if (this.d.stage.state().stored === 'post-launch') throw new CoreError('CONFLICT', 'stage: the stage is post-launch already: there is nothing to override', 'stage');
    const report = await this.preflight();
    if (!report.blocked) throw new CoreError('CONFLICT', 'stage: nothing in the preflight blocks: switch with stage set post-launch, no override is needed', 'stage');
    return this.d.approvals.request(overrideRequest(report, reason, this.d.stage.current, by));
  }

  /** Registers the override's subject (createCore, once). */
  connectApprovals(): void {
    this.d.approvals.registerSubject(
      defineApprovalSubject({
        kind: overrideKind,
        decided: (a) => {
          const reason = overrideReason(a);
          if (a.status !== 'approved') {
            this.audit('post-launch', 'blocked', a.status === 'expired' ? 'expired' : 'rejected', a.decidedBy ?? 'timeout', a.id, { reason });
            return { ok: true, result: 'none', message: `the stage stays ${this.d.stage.current}` };
          }
          this.switchTo('post-launch', a.decidedBy ?? 'founder', a.id, { reason, override: true });
          return { ok: true, message: 'switched to post-launch by override' };
        },
      }),
    );
  }

  private switchTo(stage: LaunchStage, by: string, approvalId: string | null, detail: Record<string, unknown>): StageState {
    const from = this.d.stage.state().stored;
    this.audit(stage, 'real', approvalId ? 'approved' : 'not-required', by, approvalId, { from, ...detail });
    return this.d.stage.set(stage);
  }

  private audit(stage: LaunchStage, mode: 'real' | 'blocked', decision: 'not-required' | 'approved' | 'preflight' | 'rejected' | 'expired', by: string, approvalId: string | null, detail: Record<string, unknown>): void {
    this.d.approvals.audit({
      at: this.d.clock.now(),
      subject: { kind: 'stage.switch', ref: stage },
      stepType: 'stage.switch',
      class: approvalId ? 'C' : 'A',
      stage: this.d.stage.current,
      mode,
      decision,
      approvalId,
      attempt: 1,
      detail: JSON.stringify({ to: stage, ...detail }),
      ...(approvalId ? {} : { actor: by }),
    });
  }
}
