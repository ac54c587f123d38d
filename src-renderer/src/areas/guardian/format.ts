import type { DeductionKind, MonitorState, ScoreVerdict } from '../../../../shared/contract/guardian';
import type { Tone } from '../../components/tone';

export type ScoreTone = 'good' | 'fair' | 'poor';

/** 90+ healthy, 70–89 needs attention, below 70 unhealthy. */
export function scoreTone(score: number): ScoreTone {
  return score >= 90 ? 'good' : score >= 70 ? 'fair' : 'poor';
}

export const scoreToneLabel: Record<ScoreTone, string> = { good: 'Healthy', fair: 'Needs attention', poor: 'Unhealthy' };

/** The gauge's colour for a verdict; not enough data has none. */
export const verdictTone: Record<ScoreVerdict, ScoreTone | 'none'> = { healthy: 'good', needs_attention: 'fair', unhealthy: 'poor', not_enough_data: 'none' };

export const deductionLabel: Record<DeductionKind, string> = {
  monitor_down: 'monitor down',
  error_burn: 'error rate',
  slow_endpoint: 'slow endpoint',
  anomaly: 'anomaly',
  failed_runs: 'failed runs',
  stale_backup: 'backup',
  failed_check: 'backup check',
  sync_lag: 'sync lag',
  approval_waiting: 'approval waiting',
  failed_payments: 'failed payments',
  webhook_failures: 'Stripe webhooks',
};

export const stateTone: Record<MonitorState, Tone> = { UP: 'good', DOWN: 'bad', PENDING: 'warn', MAINTENANCE: 'plan' };

/** The SVG arc of a 270° gauge: the dash length for `score` out of 100 on a circle of radius r. */
export function gaugeArc(score: number, r: number): { track: number; value: number; circumference: number } {
  const circumference = 2 * Math.PI * r;
  const track = circumference * 0.75;
  const clamped = Math.max(0, Math.min(100, score));
  return { track, value: (track * clamped) / 100, circumference };
}

/** Error share as a percentage with one decimal, or null when nothing was counted. */
export function errorRate(errors: number, volume: number): number | null {
  if (volume <= 0) return null;
  return Math.round((errors / volume) * 1000) / 10;
}

/** An uptime ratio as a percentage ("99.95%", "100%"); "—" before any UP or DOWN check. */
export function uptimeText(ratio: number | null): string {
  if (ratio === null) return '\u2014';
  const pct = Math.floor(ratio * 10_000) / 100;
  return `${pct}%`;
}
