import { messageStep } from './message-step';

/** Class B: a message in the founder's Telegram chat (secret telegram.botToken, setting notify.telegram.chatId). */
export const telegramSendStep = messageStep('telegram', 'Telegram', 'your Telegram chat (notify.telegram.chatId)');
