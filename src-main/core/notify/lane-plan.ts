import { parseQuietSpan, quietUntil } from '../../../shared/quiet-hours';
import { isOwnerGone } from '../process-owner';
import type { LaneRow, OutboxStore } from './outbox-store';
import type { PacingStore } from './pacing-store';

/** The row a channel sends next and when; takeOverFrom: the row is held by a process that is gone. */
export interface LanePlan {
  row: LaneRow;
  at: number;
  takeOverFrom?: string;
}

export interface PlanInputs {
  store: OutboxStore;
  pacing: PacingStore;
  /** The setting notify.quietHours. */
  quietHours: Readonly<Record<string, string>>;
  now: number;
}

/**
 * A channel's rows go out in the order they were written: its oldest pending row goes next,
 * once its own time has come (a first attempt, a backoff, a Retry-After) and the channel may
 * send (its provider's rate). A row that waits holds back the later ones. During the
 * channel's quiet hours or a pause of alerts, only critical rows go (ahead of the others,
 * which wait for the end).
 */
export function planLane(channel: string, p: PlanInputs): LanePlan | undefined {
  const head = p.store.head(channel);
  if (!head) return undefined;
  const paceAt = p.pacing.nextSendAt(channel);
  const hold = Math.max(quietEnd(p.quietHours[channel], p.now) ?? 0, p.pacing.pausedUntil(p.now) ?? 0);
  if (hold > p.now && head.notice.severity !== 'critical') {
    const critical = p.store.head(channel, true);
    if (critical) return ready(critical, paceAt, p.now);
    return { ...ready(head, paceAt, p.now), at: Math.max(hold, ready(head, paceAt, p.now).at) };
  }
  return ready(head, paceAt, p.now);
}

function ready(row: LaneRow, paceAt: number, now: number): LanePlan {
  const leased = row.leasedUntil !== null && row.leasedUntil > now;
  if (leased && row.leaseOwner !== null && isOwnerGone(row.leaseOwner, row.leasedUntil, now)) return { row, at: Math.max(paceAt, now), takeOverFrom: row.leaseOwner };
  return { row, at: Math.max(row.nextAttemptAt ?? now, paceAt) };
}

function quietEnd(span: string | undefined, now: number): number | undefined {
  if (span === undefined) return undefined;
  const parsed = parseQuietSpan(span);
  return typeof parsed === 'string' ? undefined : quietUntil(parsed, now);
}
