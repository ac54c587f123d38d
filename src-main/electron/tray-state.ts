import type { Approval } from '../../shared/contract/approvals';
import type { HealthScore, Monitor } from '../../shared/contract/guardian';
import type { LaunchStage } from '../../shared/stage';

/** The three faces of the tray icon. */
export const trayHealthLevels = ['healthy', 'warning', 'down'] as const;
export type TrayHealthLevel = (typeof trayHealthLevels)[number];

export interface TrayHealth {
  level: TrayHealthLevel;
  score: number;
  verdict: HealthScore['verdict'];
}

export interface TrayApproval {
  id: string;
  title: string;
}

/** Everything the tray shows; the tray is redrawn from it alone (TrayService.render). */
export interface TrayState {
  stage: LaunchStage;
  /** null until the Guardian's score has been read. */
  health: TrayHealth | null;
  /** Pending approvals, oldest first; null until they have been read. */
  pending: TrayApproval[] | null;
  /** Alerts are paused until this moment (epoch ms); null when they are not. */
  pausedUntil: number | null;
  /** "Run briefing now" was clicked and has not finished. */
  briefingRunning: boolean;
}

export function initialTrayState(stage: LaunchStage): TrayState {
  return { stage, health: null, pending: null, pausedUntil: null, briefingRunning: false };
}

/**
 * down: the score is unhealthy or a monitor is DOWN; warning: it needs attention, or nothing is
 * watched yet (not enough to assess: the founder has something to set up); healthy otherwise.
 */
export function trayHealth(score: Pick<HealthScore, 'score' | 'verdict'>, monitors: readonly Pick<Monitor, 'state'>[]): TrayHealth {
  const level: TrayHealthLevel =
    score.verdict === 'unhealthy' || monitors.some((m) => m.state === 'DOWN') ? 'down' : score.verdict === 'healthy' ? 'healthy' : 'warning';
  return { level, score: score.score, verdict: score.verdict };
}

/** The pending list after an approval event: a pending one joins (once), any decision leaves. */
export function withApprovalEvent(pending: readonly TrayApproval[], approval: Pick<Approval, 'id' | 'status' | 'subject'>): TrayApproval[] {
  const others = pending.filter((a) => a.id !== approval.id);
  return approval.status === 'pending' ? [...others, { id: approval.id, title: approval.subject.title }] : others;
}
