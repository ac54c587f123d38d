import { createHmac, timingSafeEqual } from 'node:crypto';
import { buttonTokenPattern, type ButtonDecision, type ButtonRow } from './telegram-store';

/** What callback_data starts with: a version, so a later format can tell its buttons from these. */
const prefix = 'lvq1:';

/** Telegram's limit on callback_data. */
export const maxCallbackDataBytes = 64;

/** How long a button decides anything after the notice was made (the approval's own timeout still applies first). */
export const buttonLifetimeMs = 24 * 60 * 60_000;

/** Room left in the message that carries the buttons, for the line that says how it was decided. */
export const decisionLineReserve = 256;

/** What a button is signed over: its token, approval, decision, chat and expiry. */
type Signed = Pick<ButtonRow, 'token' | 'approvalId' | 'decision' | 'chatId' | 'expiresAt'>;

const signaturePattern = /^[A-Za-z0-9_-]{22}$/;

/**
 * An HMAC-SHA256 (the first 128 bits, base64url) of the button's token, approval, decision, chat
 * and expiry, keyed with the bot token (a secret only this app and Telegram hold): besides the
 * stored row, a pressed button must carry the signature of exactly those, so a guessed token,
 * a row edited to point elsewhere or a button made with another key decides nothing.
 */
function signature(key: string, b: Signed): string {
  return createHmac('sha256', key).update(`${b.token}|${b.approvalId}|${b.decision}|${b.chatId}|${b.expiresAt}`).digest('base64url').slice(0, 22);
}

export function callbackData(button: Signed, key: string): string {
  const data = `${prefix}${button.token}.${signature(key, button)}`;
  if (Buffer.byteLength(data) > maxCallbackDataBytes) throw new Error(`callback_data is ${Buffer.byteLength(data)} bytes; Telegram takes at most ${maxCallbackDataBytes}`);
  return data;
}

/** The token and signature a button's callback_data carries, or undefined when it is not shaped like one of this app's buttons. */
export function readCallbackData(data: unknown): { token: string; signature: string } | undefined {
  if (typeof data !== 'string' || !data.startsWith(prefix)) return undefined;
  const [token, sig, ...rest] = data.slice(prefix.length).split('.');
  if (rest.length > 0 || token === undefined || sig === undefined || !buttonTokenPattern.test(token) || !signaturePattern.test(sig)) return undefined;
  return { token, signature: sig };
}

/** Whether `sig` is this button's signature under `key` (compared in constant time). */
export function signedBy(button: Signed, sig: string, key: string): boolean {
  const expected = Buffer.from(signature(key, button));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Approve / Reject under the message (Bot API InlineKeyboardMarkup). */
export function approvalKeyboard(buttons: Record<ButtonDecision, ButtonRow>, key: string) {
  return {
    inline_keyboard: [
      [
        { text: '\u2705 Approve', callback_data: callbackData(buttons.approve, key) },
        { text: '\u274c Reject', callback_data: callbackData(buttons.reject, key) },
      ],
    ],
  };
}
