import { defineChannel } from '../channel';
import { callBotApi } from '../telegram/bot-api';
import { sendTelegramNotice } from '../telegram/send-notice';
import { telegramTarget } from '../telegram/telegram-target';

/**
 * Telegram through the Bot API (sendMessage in HTML parse mode; Approve / Reject buttons on a
 * notice about an approval, answered through getUpdates by telegram/telegram-poller.ts).
 * Telegram asks for at most one message a second per chat.
 */
export const telegramChannel = defineChannel({
  id: 'telegram',
  label: 'Telegram',
  minIntervalMs: 1000,
  configured: (ctx) => {
    const target = telegramTarget(ctx);
    return typeof target === 'string' ? target : true;
  },
  deliver(notice, ctx) {
    const target = telegramTarget(ctx);
    if (typeof target === 'string') return { status: 'skipped', reason: target };
    return sendTelegramNotice(notice, target, ctx);
  },
  secretChecks: [
    {
      secret: 'telegram.botToken',
      // getMe changes nothing and answers only for a token Telegram knows
      async check(ctx, signal) {
        const answer = await callBotApi<{ username?: string }>({ apiBase: ctx.setting('notify.telegram.apiBase'), token: ctx.secret('telegram.botToken') ?? '', method: 'getMe', body: {}, timeoutMs: 15_000, signal });
        if (!answer.ok) throw new Error(`Telegram refused the bot token (${answer.code || 'no answer'}): ${answer.description}`);
        return `Telegram knows this bot: @${answer.result.username ?? 'unnamed'}`;
      },
    },
  ],
});
