import type { MessageChannel, MessagePort } from '../message-port';
import type { Clock } from '../clock';
import type { ChannelContext } from './channel';
import { channelById } from './channels';

/** The port over the notify channels' own delivery: the same rendering, secrets and provider answers as an alert. */
export function channelMessagePort(context: (channel: MessageChannel, idempotencyKey: string) => ChannelContext, clock: Clock): MessagePort {
  const channelOf = (id: MessageChannel) => {
    const channel = channelById(id);
    if (!channel) throw new Error(`notify has no ${id} channel`);
    return channel;
  };
  return {
    configured: (id) => channelOf(id).configured(context(id, 'configured')),
    async send(id, message, idempotencyKey) {
      const ctx = context(id, idempotencyKey);
      const channel = channelOf(id);
      const ready = channel.configured(ctx);
      if (ready !== true) return { status: 'skipped', reason: ready };
      const result = await channel.deliver({ id: idempotencyKey, title: message.title, body: message.body, area: 'workflows', at: clock.now() }, ctx);
      return result.status === 'failed' ? { status: 'failed', retryable: result.retryable, error: result.error } : result;
    },
  };
}
