import { defineChannel } from '../channel';
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
});
