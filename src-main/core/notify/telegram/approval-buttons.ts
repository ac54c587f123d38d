import { buttonTokenPattern, type ButtonDecision, type ButtonRow } from './telegram-store';

/** What callback_data starts with: a version, so a later format can tell its buttons from these. */
const prefix = 'lvq1:';

/** Telegram's limit on callback_data. */
export const maxCallbackDataBytes = 64;

/** How long a button decides anything after the notice was made (the approval's own timeout still applies first). */
export const buttonLifetimeMs = 24 * 60 * 60_000;

/** Room left in the message that carries the buttons, for the line that says how it was decided. */
export const decisionLineReserve = 256;

export function callbackData(button: Pick<ButtonRow, 'token'>): string {
  const data = `${prefix}${button.token}`;
  if (Buffer.byteLength(data) > maxCallbackDataBytes) throw new Error(`callback_data is ${Buffer.byteLength(data)} bytes; Telegram takes at most ${maxCallbackDataBytes}`);
  return data;
}

/** The token a button's callback_data carries, or undefined when it is not one of this app's buttons. */
export function tokenOf(data: unknown): string | undefined {
  if (typeof data !== 'string' || !data.startsWith(prefix)) return undefined;
  const token = data.slice(prefix.length);
  return buttonTokenPattern.test(token) ? token : undefined;
}

/** Approve / Reject under the message (Bot API InlineKeyboardMarkup). */
export function approvalKeyboard(buttons: Record<ButtonDecision, ButtonRow>) {
  return {
    inline_keyboard: [
      [
        { text: '\u2705 Approve', callback_data: callbackData(buttons.approve) },
        { text: '\u274c Reject', callback_data: callbackData(buttons.reject) },
      ],
    ],
  };
}
