import { noticeSchema, type OutboxRow } from '../../../shared/contract/notify';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { defaultMaxAttempts, type ChannelContext, type DeliveryResult } from './channel';
import { channelById } from './channels';
import type { OutboxStore, Settled } from './outbox-store';

/** How long a claimed row is this attempt's before another pass or process may take it (a crash mid-delivery). */
export const leaseMs = 5 * 60_000;

/** The wait after the n-th failed attempt: 10 s, 20 s, 40 s … at most 30 minutes. */
export function backoffMs(attempt: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempt - 1), 30 * 60_000);
}

export interface DeliverDeps {
  store: OutboxStore;
  clock: Clock;
  log: Logger;
  context(row: OutboxRow, attempt: number): ChannelContext;
}

/**
 * One attempt at one due row. The row is claimed first (its attempt counted) and settled after,
 * so a sent row is never attempted again. Never throws for the channel's trouble: the row
 * says what happened. undefined: another pass or process has the row.
 */
export async function deliverRow(d: DeliverDeps, row: OutboxRow): Promise<OutboxRow | undefined> {
  if (!d.store.claim(row.id, d.clock.now(), leaseMs)) return undefined;
  const attempt = row.attempts + 1;
  const result = await attemptOnce(row, d.context(row, attempt));
  // core closed meanwhile: the row stays claimed, and its lease brings it back at the next start
  if (!d.store.isOpen) return undefined;
  const maxAttempts = channelById(row.channel)?.maxAttempts ?? defaultMaxAttempts;
  const settled = settle(result, attempt, maxAttempts, d.clock.now());
  if (result.status === 'failed') d.log.warn({ outbox: row.id, channel: row.channel, attempt, state: settled.state, err: result.error }, 'notice not delivered');
  return d.store.settle(row.id, settled);
}

async function attemptOnce(row: OutboxRow, ctx: ChannelContext): Promise<DeliveryResult> {
  const channel = channelById(row.channel);
  if (!channel) return { status: 'failed', retryable: false, error: `no channel "${row.channel}" in this version of the app` };
  // the area a click opens must be one of the app's own (shared/areas), whatever the row holds
  const notice = noticeSchema.safeParse(row.notice);
  if (!notice.success) return { status: 'failed', retryable: false, error: 'the stored notice is not a valid notice' };
  try {
    const ready = channel.configured(ctx);
    if (ready !== true) return { status: 'skipped', reason: ready };
    return await channel.deliver(notice.data, ctx);
  } catch (err) {
    return { status: 'failed', retryable: true, error: err instanceof Error ? err.message : String(err) };
  }
}

function settle(result: DeliveryResult, attempt: number, maxAttempts: number, now: number): Settled {
  switch (result.status) {
    case 'sent':
      return { state: 'sent', nextAttemptAt: null, lastError: null, sentAt: now };
    case 'skipped':
      return { state: 'skipped', nextAttemptAt: null, lastError: result.reason, sentAt: null };
    case 'failed':
      if (result.retryable && attempt < maxAttempts) return { state: 'pending', nextAttemptAt: now + backoffMs(attempt), lastError: result.error, sentAt: null };
      return { state: 'failed', nextAttemptAt: null, lastError: result.error, sentAt: null };
  }
}
