import type { ChannelDef } from '../channel';
import { osChannel } from './os';
import { emailChannel } from './email';
import { slackChannel } from './slack';
import { telegramChannel } from './telegram';

/** Every channel a notice can go out on; a new channel is one file here and one entry in this list. */
export const channels = [osChannel, telegramChannel, slackChannel, emailChannel] as const;

export type ChannelId = (typeof channels)[number]['id'];

const byId: ReadonlyMap<string, ChannelDef> = new Map(channels.map((c) => [c.id, c]));

export function channelById(id: string): ChannelDef | undefined {
  return byId.get(id);
}
