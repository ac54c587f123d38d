import type { ApprovalSubjectKind } from '../../../shared/contract/approvals';
import type { Anomaly } from '../../../shared/contract/telemetry';
import type { Deduction, DeductionKind, EvidenceTime, HealthScore, Monitor, ScoreVerdict } from '../../../shared/contract/guardian';

/** A problem Guardian found: what the score deducts for and what the healing plan answers. */
export interface Finding {
  kind: DeductionKind;
  subject: string;
  cause: string;
  evidence: string;
  evidenceTime?: EvidenceTime;
  /** Points before the per-kind cap. */
  weight: number;
  /** Details the healing plan needs. */
  monitor?: Monitor;
  anomaly?: Anomaly;
  workflow?: { id: string | null; name: string; failedRunIds: string[] };
  approval?: { id: string; class: 'A' | 'B' | 'C'; kind?: ApprovalSubjectKind };
  sync?: { remoteError: boolean };
  /** The backup plan a stale_backup or failed_check finding is about. */
  backup?: { plan: string };
}

/** The rules: points per finding and the most one kind can cost. */
export const scoreRules: Record<DeductionKind, { points: string; cap: number }> = {
  monitor_down: { points: '15 per DOWN monitor', cap: 45 },
  error_burn: { points: '20 per page-level error-budget burn, 10 per ticket-level, 5 per warning', cap: 20 },
  slow_endpoint: { points: '5 per slow endpoint (p95 above telemetry.slowP95Ms)', cap: 15 },
  anomaly: { points: '3 per other open anomaly (repeated message, volume spike or drop)', cap: 10 },
  failed_runs: { points: '3 per failed workflow run in the last 24 h (at most 9 per workflow)', cap: 15 },
  stale_backup: { points: '10 per plan whose last successful backup is older than 1.5\u00d7 its schedule\u2019s interval', cap: 20 },
  failed_check: { points: '10 per plan whose latest restic check found problems', cap: 20 },
  sync_lag: { points: '5 when the last sync is over an hour old, 10 over a day or never', cap: 10 },
  approval_waiting: { points: '5 per approval waiting more than 24 h', cap: 10 },
  failed_payments: { points: '5 per Stripe payment that failed in the last 7 days', cap: 15 },
  webhook_failures: { points: '10 when 10% or more of the Stripe webhook deliveries (at least 3) were refused for their signature in 24 h', cap: 10 },
};

/** A score before its verdict: the number and what it is made of. */
export type ScoreFigures = Omit<HealthScore, 'verdict' | 'verdictReason'>;

/**
 * The score in words. With no monitor watching anything, a full score proves nothing (nothing
 * was looked at): not enough data, whatever the number.
 */
export function verdictFor(score: number, monitors: readonly Pick<Monitor, 'paused'>[]): { verdict: ScoreVerdict; verdictReason?: string } {
  if (monitors.length === 0) return { verdict: 'not_enough_data', verdictReason: 'no monitor watches anything yet: add one to judge your health' };
  if (monitors.every((m) => m.paused)) return { verdict: 'not_enough_data', verdictReason: 'every monitor is paused: resume one to judge your health' };
  return { verdict: score >= 90 ? 'healthy' : score >= 70 ? 'needs_attention' : 'unhealthy' };
}

/** Deductions in a fixed order, capped per kind and in total, so they add up to 100 − score. */
export function computeScore(findings: Finding[], notAssessed: HealthScore['notAssessed'], at: number): ScoreFigures {
  const used = new Map<DeductionKind, number>();
  let total = 0;
  const breakdown: Deduction[] = [];
  const order = Object.keys(scoreRules) as DeductionKind[];
  const sorted = [...findings].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || b.weight - a.weight);
  for (const f of sorted) {
    const left = Math.min(scoreRules[f.kind].cap - (used.get(f.kind) ?? 0), 100 - total);
    const points = Math.max(0, Math.min(Math.round(f.weight), left));
    if (points <= 0) continue;
    used.set(f.kind, (used.get(f.kind) ?? 0) + points);
    total += points;
    breakdown.push({ kind: f.kind, cause: f.cause, points, subject: f.subject, evidence: f.evidence, ...(f.evidenceTime ? { evidenceTime: f.evidenceTime } : {}) });
  }
  return { at, score: 100 - total, breakdown, notAssessed };
}
