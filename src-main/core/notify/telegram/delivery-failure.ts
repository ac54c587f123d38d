import type { DeliveryResult } from '../channel';
import type { BotAnswer } from './bot-api';

export const tokenRefused = 'the bot token was refused by Telegram (secret telegram.botToken)';

/**
 * A refused or failed Bot API call as a delivery result: 429 waits for Telegram's
 * retry_after, 5xx and no answer are tried again, any other refusal is final, with words that
 * name what the founder can fix (the secret or the setting).
 */
export function deliveryFailure(answer: Extract<BotAnswer<unknown>, { ok: false }>, chatId: string): Extract<DeliveryResult, { status: 'failed' }> {
  const said = answer.code > 0 ? `Telegram answered ${answer.code}: ${answer.description}` : answer.description;
  const failed = (retryable: boolean, error: string) => ({ status: 'failed' as const, retryable, error, ...(answer.code > 0 ? { answer: said } : {}) });
  if (answer.code === 429) return { ...failed(true, `Telegram asks to slow down (${answer.description})`), ...(answer.retryAfterMs !== undefined ? { retryAfterMs: answer.retryAfterMs } : {}) };
  if (answer.code === 401 || answer.code === 404) return failed(false, tokenRefused);
  if (answer.code === 400 && /chat not found/i.test(answer.description)) {
    return failed(false, `Telegram has no chat ${chatId} for this bot (setting notify.telegram.chatId): check the id, and send the bot a message first`);
  }
  if (answer.code === 403) return failed(false, `Telegram refused to write to chat ${chatId} (setting notify.telegram.chatId): ${answer.description}`);
  if (answer.code === 0 || answer.code >= 500) return failed(true, said);
  return failed(false, `Telegram refused the message: ${said}`);
}
