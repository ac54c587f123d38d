import type { BackgroundTask } from '../../background';
import type { NotifyDeps } from '../notify-service';
import { readCallbackData, signedBy } from './approval-buttons';
import { callBotApi } from './bot-api';
import { decideFromButton, type ApprovalDecisions, type PressOutcome } from './decide-from-button';
import { escapeTelegramHtml } from './telegram-html';
import { telegramStore, type ButtonRow, type TelegramStore } from './telegram-store';
import { telegramTarget, type TelegramTarget } from './telegram-target';

/** What the outbox gets, less the OS notifier, plus the approvals the buttons decide. */
export type TelegramPollerDeps = Omit<NotifyDeps, 'os'> & { approvals: ApprovalDecisions };

/** Bot API Update, the parts read here. */
interface Update {
  update_id: number;
  callback_query?: CallbackQuery;
}

interface CallbackQuery {
  id: string;
  from: { id: number; first_name?: string; last_name?: string; username?: string };
  message?: { message_id: number; chat: { id: number } };
  data?: string;
}

/** Seconds Telegram holds a getUpdates open when nothing comes. */
export const longPollSeconds = 30;
/** Without a token or chat id, the settings are read again this often (and at once when one changes). */
const idleMs = 60_000;
const callTimeoutMs = 15_000;
/** Buttons and parts records are kept this long after their notice, then forgotten. */
const keepMs = 30 * 24 * 60 * 60_000;

/**
 * Reads the answers to Telegram's Approve / Reject buttons by long polling getUpdates (no
 * public URL needed). A background task: levqor serve and the desktop app start it, one-shot
 * CLI commands never do; stopping aborts the poll under way. Each update is handled, then the
 * offset past it is stored (with the buttons used up, in one transaction), so a restart never
 * reads an update again.
 */
export class TelegramPoller {
  private readonly store: TelegramStore;
  private wakeUp: (() => void) | undefined;
  private refusedToken = false;

  constructor(private readonly d: TelegramPollerDeps) {
    this.store = telegramStore(d.db);
  }

  backgroundTask(): BackgroundTask {
    return {
      name: 'notify.telegram',
      start: () => {
        const stop = new AbortController();
        const wake = () => this.wakeUp?.();
        const offs = [this.d.events.on('settings.changed', wake), this.d.events.on('secrets.changed', wake)];
        const loop = this.loop(stop.signal);
        return async () => {
          stop.abort();
          for (const off of offs) off();
          await loop;
        };
      },
    };
  }

  /** One getUpdates and the handling of what it brought; the background loop calls it again and again. */
  async pollOnce(signal: AbortSignal): Promise<{ waitMs: number } | undefined> {
    const target = telegramTarget({ secret: (n) => this.d.secrets.reveal(n), setting: (k) => this.d.settings.get(k) });
    if (typeof target === 'string') return { waitMs: idleMs };
    const offset = this.store.nextOffset();
    const answer = await this.call<Update[]>(target, 'getUpdates', { ...(offset > 0 ? { offset } : {}), timeout: longPollSeconds, allowed_updates: ['callback_query'] }, (longPollSeconds + 15) * 1000, signal);
    if (!answer.ok) {
      if (answer.aborted) return undefined;
      const tokenRefused = answer.code === 401 || answer.code === 404;
      if (!tokenRefused || !this.refusedToken) {
        this.d.log.warn({ code: answer.code, err: answer.description }, tokenRefused ? 'Telegram refused the bot token (secret telegram.botToken); answers to its buttons wait until it is fixed' : 'could not read Telegram button answers');
      }
      this.refusedToken = tokenRefused;
      return { waitMs: answer.retryAfterMs ?? (tokenRefused ? idleMs : 5_000) };
    }
    this.refusedToken = false;
    for (const update of answer.result) await this.handle(update, target);
    return { waitMs: 0 };
  }

  private async loop(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      let next: { waitMs: number } | undefined;
      try {
        this.store.prune(this.d.clock.now() - keepMs);
        next = await this.pollOnce(signal);
      } catch (err) {
        if (!this.d.db.open) return;
        this.d.log.error({ err: String(err) }, 'Telegram answers: a poll failed');
        next = { waitMs: 5_000 };
      }
      if (next === undefined) return;
      if (next.waitMs > 0) await this.sleep(next.waitMs, signal);
    }
  }

  private sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        handle.cancel();
        signal.removeEventListener('abort', done);
        this.wakeUp = undefined;
        resolve();
      };
      const handle = this.d.timer.after(ms, done, { unref: true });
      this.wakeUp = done;
      signal.addEventListener('abort', done, { once: true });
    });
  }

  private async handle(update: Update, target: TelegramTarget): Promise<void> {
    const next = update.update_id + 1;
    const press = update.callback_query;
    if (!press) return this.store.setNextOffset(next);
    if (press.message === undefined || String(press.message.chat.id) !== target.chatId) {
      this.d.log.warn({ update: update.update_id }, 'a Telegram button was pressed outside the chat of setting notify.telegram.chatId; ignored');
      this.store.setNextOffset(next);
      await this.answer(target, press, 'Not allowed: this bot takes answers only from its own chat.');
      return;
    }
    const data = readCallbackData(press.data);
    const button = data === undefined ? undefined : this.store.button(data.token);
    if (!button || !signedBy(button, data!.signature, target.token) || button.chatId !== target.chatId || (button.messageId !== null && button.messageId !== press.message.message_id)) {
      this.d.log.warn({ update: update.update_id }, 'a Telegram button that Levqor did not put on that message was pressed; nothing decided');
      this.store.setNextOffset(next);
      await this.answer(target, press, 'This button is not one Levqor put on this message; nothing was decided.');
      return;
    }
    const by = `telegram:${press.from.id}`;
    const now = this.d.clock.now();
    const outcome = decideFromButton(this.d.approvals, button, { by, name: nameOf(press.from) }, now);
    if (outcome.decided) {
      this.store.useButtons(button.approvalId, now, by, () => this.store.setNextOffset(next));
      this.d.log.info({ approval: button.approvalId, decision: button.decision, by }, 'approval decided from Telegram');
    } else {
      try {
        this.store.setNextOffset(next);
      } catch (err) {
        // the founder hears now that the press did not count; the loop reads it again after its pause
        await this.answer(target, press, outcome.text);
        throw err;
      }
    }
    await this.answer(target, press, outcome.text);
    if (outcome.final) await this.showOutcome(target, button, press.message.message_id, outcome);
  }

  private async answer(target: TelegramTarget, press: CallbackQuery, text: string): Promise<void> {
    const answer = await this.call(target, 'answerCallbackQuery', { callback_query_id: press.id, text: text.slice(0, 200), show_alert: true }, callTimeoutMs);
    if (!answer.ok) this.d.log.warn({ code: answer.code, err: answer.description }, 'Telegram did not take the answer to a button');
  }

  /** The message shows how it was decided, without its buttons; where its text cannot be edited, the buttons at least go. */
  private async showOutcome(target: TelegramTarget, button: ButtonRow, messageId: number, outcome: PressOutcome): Promise<void> {
    const where = { chat_id: Number(target.chatId), message_id: messageId };
    const text = `${button.messageHtml}\n\n<i>${escapeTelegramHtml(outcome.text)}</i>`;
    const edited = await this.call(target, 'editMessageText', { ...where, text, parse_mode: 'HTML', link_preview_options: { is_disabled: true }, reply_markup: { inline_keyboard: [] } }, callTimeoutMs);
    if (edited.ok) return;
    const cleared = await this.call(target, 'editMessageReplyMarkup', { ...where, reply_markup: { inline_keyboard: [] } }, callTimeoutMs);
    if (!cleared.ok) this.d.log.warn({ code: cleared.code, err: cleared.description }, 'Telegram did not take the buttons off a decided message');
  }

  private call<T>(target: TelegramTarget, method: string, body: Record<string, unknown>, timeoutMs: number, signal?: AbortSignal) {
    return callBotApi<T>({ apiBase: target.apiBase, token: target.token, method, body, timeoutMs, ...(signal ? { signal } : {}) });
  }
}

function nameOf(from: CallbackQuery['from']): string {
  const name = [from.first_name, from.last_name].filter(Boolean).join(' ') || (from.username ? `@${from.username}` : 'someone');
  return name.slice(0, 64);
}
