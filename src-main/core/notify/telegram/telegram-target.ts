import type { SecretName } from '../../../../shared/secrets';
import type { SettingKey, SettingValue } from '../../../../shared/settings';

/** Where the bot writes: the API, its token, the chat. */
export interface TelegramTarget {
  apiBase: string;
  token: string;
  /** The setting as typed: a whole number, negative for a group. */
  chatId: string;
}

export interface TelegramConfigSource {
  secret(name: SecretName): string | undefined;
  setting<K extends SettingKey>(key: K): SettingValue<K>;
}

/** The target, or why there is none, naming the secret or setting to fill in. */
export function telegramTarget(from: TelegramConfigSource): TelegramTarget | string {
  const token = from.secret('telegram.botToken');
  if (!token) return 'no Telegram bot token is set (secret telegram.botToken)';
  const chatId = from.setting('notify.telegram.chatId');
  if (!chatId) return 'no Telegram chat id is set (setting notify.telegram.chatId)';
  return { apiBase: from.setting('notify.telegram.apiBase'), token, chatId };
}
