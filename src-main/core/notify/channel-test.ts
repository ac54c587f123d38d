import type { ChannelTest, Notice } from '../../../shared/contract/notify';
import type { Clock } from '../clock';
import type { ChannelContext, ChannelDef, DeliveryResult } from './channel';

/** The notice a "send test" carries: plain words, the Alerts area, nothing to decide. */
export function testNotice(id: string, at: number): Notice {
  return {
    id,
    title: 'Test from Levqor X',
    body: 'This is a test of this alert channel, sent by hand from Levqor X. Nothing needs doing.',
    area: 'alerts',
    at,
  };
}

function asTest(channel: string, result: DeliveryResult): Pick<ChannelTest, 'outcome' | 'answer' | 'error'> {
  switch (result.status) {
    case 'sent':
      return { outcome: 'sent', answer: result.answer ?? null, error: null };
    case 'skipped':
      return { outcome: 'skipped', answer: null, error: result.reason };
    case 'failed':
      return { outcome: 'failed', answer: result.answer ?? null, error: result.error || `${channel} failed without saying why` };
  }
}

/**
 * One test notice through one channel, now and once: no outbox row, no retry. The founder
 * sees what the provider answered, or why nothing was sent (not set up, naming the setting or
 * secret). A throw from the channel is its failure, in its own words.
 */
export async function sendTest(channel: ChannelDef, notice: Notice, ctx: ChannelContext, clock: Clock): Promise<ChannelTest> {
  const started = clock.now();
  const ready = channel.configured(ctx);
  let found: Pick<ChannelTest, 'outcome' | 'answer' | 'error'>;
  if (ready !== true) found = { outcome: 'not-configured', answer: null, error: ready };
  else {
    try {
      found = asTest(channel.id, await channel.deliver(notice, ctx));
    } catch (err) {
      found = { outcome: 'failed', answer: null, error: err instanceof Error ? err.message : String(err) };
    }
  }
  const at = clock.now();
  return { channel: channel.id, ...found, at, tookMs: Math.max(0, at - started) };
}
