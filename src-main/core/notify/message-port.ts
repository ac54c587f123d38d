import type { MessageChannel, MessagePort } from '../message-port';
import type { Clock } from '../clock';
import type { SettingKey, SettingValue } from '../../../shared/settings';
import type { ChannelContext } from './channel';
import { channelById } from './channels';

/** The email channel's own code, addressed to the step's recipient instead of the founder (notify.email.to). */
function addressed(ctx: ChannelContext, to: string | undefined): ChannelContext {
  if (to === undefined) return ctx;
  return { ...ctx, setting: <K extends SettingKey>(key: K): SettingValue<K> => (key === 'notify.email.to' ? (to as SettingValue<K>) : ctx.setting(key)) };
}

/** The port over the notify channels' own delivery: the same rendering, secrets and provider answers as an alert. */
export function channelMessagePort(context: (channel: MessageChannel, idempotencyKey: string) => ChannelContext, clock: Clock): MessagePort {
  const channelOf = (id: MessageChannel) => {
    const channel = channelById(id);
    if (!channel) throw new Error(`notify has no ${id} channel`);
    return channel;
  };
  return {
    configured: (id, to) => channelOf(id).configured(addressed(context(id, 'configured'), to)),
    async send(id, message, idempotencyKey) {
      const ctx = addressed(context(id, idempotencyKey), message.to);
      const channel = channelOf(id);
      const ready = channel.configured(ctx);
      if (ready !== true) return { status: 'skipped', reason: ready };
      const result = await channel.deliver({ id: idempotencyKey, title: message.title, body: message.body, area: 'workflows', at: clock.now() }, ctx);
      return result.status === 'failed' ? { status: 'failed', retryable: result.retryable, error: result.error } : result;
    },
  };
}
