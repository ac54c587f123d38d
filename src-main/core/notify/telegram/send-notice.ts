import type { Notice } from '../../../../shared/contract/notify';
import type { ChannelContext, DeliveryResult } from '../channel';
import { approvalKeyboard, buttonLifetimeMs, decisionLineReserve } from './approval-buttons';
import { callBotApi } from './bot-api';
import { deliveryFailure } from './delivery-failure';
import { renderBriefingTelegram } from '../briefing/renderers/telegram-html';
import { renderTelegramMessage } from './telegram-html';
import { splitTelegramHtml, telegramMaxMessageLength } from './telegram-split';
import { telegramStore } from './telegram-store';
import type { TelegramTarget } from './telegram-target';

/** How long one sendMessage may take. */
export const sendTimeoutMs = 15_000;

/**
 * One attempt at one outbox row: the notice rendered as Telegram HTML, split into messages of
 * at most 4,096 characters, each part its own sendMessage, in order. The parts Telegram
 * accepted are recorded (telegram_parts_sent) as each one goes, so the next attempt, after a
 * 429 or a crash, sends only the rest; the row is sent only when every part is. A notice about
 * an approval carries Approve / Reject on its last part.
 */
export async function sendTelegramNotice(notice: Notice, target: TelegramTarget, ctx: ChannelContext): Promise<DeliveryResult> {
  if (!ctx.db) return { status: 'failed', retryable: false, error: 'the Telegram channel needs the app database, which this delivery was not given' };
  const store = telegramStore(ctx.db);
  const html = notice.briefing ? renderBriefingTelegram(notice.briefing) : renderTelegramMessage(notice);
  const parts = splitTelegramHtml(html, notice.approvalId ? telegramMaxMessageLength - decisionLineReserve : telegramMaxMessageLength);
  const last = parts.length - 1;
  const keyboard = notice.approvalId
    ? approvalKeyboard(store.buttonsFor({ outboxId: ctx.idempotencyKey, approvalId: notice.approvalId, chatId: target.chatId, messageHtml: parts[last]!, now: notice.at, expiresAt: notice.at + buttonLifetimeMs }), target.token)
    : undefined;
  const sent = store.partsSent(ctx.idempotencyKey);
  for (const [i, text] of parts.entries()) {
    if (sent.has(i)) continue;
    const answer = await callBotApi<{ message_id: number }>({
      apiBase: target.apiBase,
      token: target.token,
      method: 'sendMessage',
      body: { chat_id: Number(target.chatId), text, parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...(i === last && keyboard ? { reply_markup: keyboard } : {}) },
      timeoutMs: sendTimeoutMs,
    });
    if (!answer.ok) {
      const failed = deliveryFailure(answer, target.chatId);
      return sent.size > 0 ? { ...failed, error: `${failed.error} (${sent.size} of ${parts.length} parts sent; the next attempt sends the rest)` } : failed;
    }
    store.recordPart(ctx.idempotencyKey, i, answer.result.message_id, notice.at);
    if (i === last && keyboard) store.setButtonsMessage(ctx.idempotencyKey, answer.result.message_id);
    sent.set(i, answer.result.message_id);
  }
  const ids = [...sent.values()];
  return { status: 'sent', answer: `Telegram accepted message_id ${ids.join(', ')}` };
}
