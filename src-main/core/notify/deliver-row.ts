import { performance } from 'node:perf_hooks';
import { noticeSchema, type Notice } from '../../../shared/contract/notify';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { backoffDelay } from '../retry';
import type { ChannelContext, ChannelDef, DeliveryResult } from './channel';
import type { DeliveryHistory } from './delivery-history';
import { digest } from './fold';
import type { LanePlan } from './lane-plan';
import type { LaneRow, OutboxStore, Settled } from './outbox-store';
import type { PacingStore } from './pacing-store';

/** How long a claimed row is this attempt's before another pass or process may take it (a crash mid-delivery). */
export const leaseMs = 5 * 60_000;

const retryPolicy = { maxAttempts: 50, backoff: 'exponential', initialMs: 10_000, maxMs: 30 * 60_000, jitter: true } as const;

/** The longest wait after the n-th failed attempt: 10 s, 20 s, 40 s … at most 30 minutes; jitter draws the wait from its upper half. */
export function backoffMs(attempt: number, random: () => number = () => 1): number {
  return backoffDelay(retryPolicy, attempt, random);
}

export interface DeliverDeps {
  store: OutboxStore;
  pacing: PacingStore;
  history: DeliveryHistory;
  clock: Clock;
  log: Logger;
  random: () => number;
  /** Who this process is, for the lease (process-owner.ts). */
  owner: string;
  /** The setting notify.giveUpAfter, in ms. */
  giveUpAfterMs: number;
  /** The channel of an id (channels/index.ts; a bench adds its own through NotifyTuning). */
  channel(id: string): ChannelDef | undefined;
  /** A channel's minIntervalMs as this core applies it (a bench scales it down). */
  minIntervalMs(channel: ChannelDef): number;
  context(row: LaneRow, attempt: number): ChannelContext;
}

/**
 * One attempt at the row a lane planned. The row is claimed first (its attempt counted), the
 * rows of its group waiting with it folded into it, the channel's next send held back by its
 * rate before the send; the row is settled after, so a sent row is never attempted again.
 * Never throws for the channel's trouble: the row says what happened. undefined: another pass
 * or process has the row.
 */
export async function deliverRow(d: DeliverDeps, plan: LanePlan): Promise<LaneRow | undefined> {
  const { row } = plan;
  const started = d.clock.now();
  if (!d.store.claim(row.id, started, leaseMs, d.owner, plan.takeOverFrom)) return undefined;
  const attempt = row.attempts + 1;
  const notice = foldGroup(d, row, started);
  const channel = d.channel(row.channel);
  if (channel?.minIntervalMs) d.pacing.holdUntil(row.channel, started + d.minIntervalMs(channel));
  const t0 = performance.now();
  const result = await attemptOnce(channel, row.channel, notice, d.context(row, attempt));
  // core closed meanwhile: the row stays claimed, and its lease brings it back at the next start
  if (!d.store.isOpen) return undefined;
  const now = d.clock.now();
  d.history.record(row.id, {
    attempt,
    at: started,
    ms: Math.round(performance.now() - t0),
    outcome: result.status,
    answer: result.status === 'skipped' ? null : (result.answer ?? null),
    error: result.status === 'failed' ? result.error : result.status === 'skipped' ? result.reason : null,
  });
  if (result.status === 'failed' && result.retryAfterMs !== undefined) d.pacing.holdUntil(row.channel, now + result.retryAfterMs);
  const settled = settle(d, result, { row, attempt, maxAttempts: channel?.maxAttempts, now });
  if (result.status === 'failed') d.log.warn({ outbox: row.id, channel: row.channel, attempt, state: settled.state, err: result.error }, 'notice not delivered');
  d.store.settle(row.id, settled, started);
  return d.store.getLane(row.id);
}

/** The row's notice, as a digest of the group members that waited with it. */
function foldGroup(d: DeliverDeps, row: LaneRow, now: number): Notice {
  const members = d.store.groupMembers(row, now);
  if (members.length === 0) return row.notice;
  const folded = digest(row.notice, members.map((m) => m.notice));
  d.store.merge(row.id, folded, members.map((m) => m.id));
  return folded;
}

async function attemptOnce(channel: ChannelDef | undefined, id: string, stored: Notice, ctx: ChannelContext): Promise<DeliveryResult> {
  if (!channel) return { status: 'failed', retryable: false, error: `no channel "${id}" in this version of the app` };
  // the area a click opens must be one of the app's own (shared/areas), whatever the row holds
  const notice = noticeSchema.safeParse(stored);
  if (!notice.success) return { status: 'failed', retryable: false, error: 'the stored notice is not a valid notice' };
  try {
    const ready = channel.configured(ctx);
    if (ready !== true) return { status: 'skipped', reason: ready };
    return await channel.deliver(notice.data, ctx);
  } catch (err) {
    return { status: 'failed', retryable: true, error: err instanceof Error ? err.message : String(err) };
  }
}

interface Attempted {
  row: LaneRow;
  attempt: number;
  maxAttempts: number | undefined;
  now: number;
}

/**
 * A retryable failure waits its backoff (with jitter), or the provider's Retry-After, which
 * does not count against the channel's maxAttempts; it is given up as failed once the channel's
 * maxAttempts are used or the row is older than notify.giveUpAfter.
 */
function settle(d: DeliverDeps, result: DeliveryResult, a: Attempted): Settled {
  switch (result.status) {
    case 'sent':
      return { state: 'sent', nextAttemptAt: null, lastError: null, sentAt: a.now, answer: result.answer ?? null };
    case 'skipped':
      return { state: 'skipped', nextAttemptAt: null, lastError: result.reason, sentAt: null, answer: null };
    case 'failed': {
      const answer = result.answer ?? null;
      const failed: Settled = { state: 'failed', nextAttemptAt: null, lastError: result.error, sentAt: null, answer };
      if (!result.retryable) return failed;
      if (a.now - a.row.createdAt >= d.giveUpAfterMs) return { ...failed, lastError: `gave up after ${Math.round(d.giveUpAfterMs / 3_600_000)} h: ${result.error}` };
      if (result.retryAfterMs !== undefined) return { state: 'pending', nextAttemptAt: a.now + result.retryAfterMs, lastError: result.error, sentAt: null, answer };
      if (a.maxAttempts !== undefined && a.attempt >= a.maxAttempts) return failed;
      return { state: 'pending', nextAttemptAt: a.now + backoffMs(a.attempt, d.random), lastError: result.error, sentAt: null, answer };
    }
  }
}
