import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/open';
import { withStatements } from '../../db/with-statements';

export type ButtonDecision = 'approve' | 'reject';

/** One Approve or Reject button as sent (migration 0026, telegram_buttons). */
export interface ButtonRow {
  token: string;
  outboxId: string;
  approvalId: string;
  decision: ButtonDecision;
  chatId: string;
  /** null until Telegram answered the sendMessage that carried it. */
  messageId: number | null;
  messageHtml: string;
  expiresAt: number;
  usedAt: number | null;
  usedBy: string | null;
}

/** The columns of telegram_buttons under ButtonRow's names. */
const buttonColumns = `token, outbox_id AS outboxId, approval_id AS approvalId, decision, chat_id AS chatId, message_id AS messageId,
  message_html AS messageHtml, expires_at AS expiresAt, used_at AS usedAt, used_by AS usedBy`;

const sql = {
  partsSent: 'SELECT part, message_id FROM telegram_parts_sent WHERE outbox_id = ? ORDER BY part',
  recordPart: 'INSERT OR REPLACE INTO telegram_parts_sent (outbox_id, part, message_id, sent_at) VALUES (?, ?, ?, ?)',
  pruneParts: 'DELETE FROM telegram_parts_sent WHERE sent_at < ?',
  insertButton: `INSERT INTO telegram_buttons (token, outbox_id, approval_id, decision, chat_id, message_html, created_at, expires_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (outbox_id, decision) DO NOTHING`,
  buttonsOf: `SELECT ${buttonColumns} FROM telegram_buttons WHERE outbox_id = ?`,
  button: `SELECT ${buttonColumns} FROM telegram_buttons WHERE token = ?`,
  setMessage: 'UPDATE telegram_buttons SET message_id = ? WHERE outbox_id = ?',
  useButtons: 'UPDATE telegram_buttons SET used_at = ?, used_by = ? WHERE approval_id = ? AND used_at IS NULL',
  pruneButtons: 'DELETE FROM telegram_buttons WHERE expires_at < ?',
  nextOffset: 'SELECT next_offset FROM telegram_poll WHERE id = 1',
  setNextOffset: 'INSERT INTO telegram_poll (id, next_offset) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET next_offset = MAX(next_offset, excluded.next_offset)',
};

/** A button's callback_data after the prefix: 16 random bytes, base64url (22 characters). */
export const buttonTokenPattern = /^[A-Za-z0-9_-]{22}$/;

/** The Telegram channel's tables: parts sent per outbox row, the approval buttons, the getUpdates offset. */
export class TelegramStore extends withStatements(sql) {
  /** part index → Telegram message id, for the parts of this outbox row Telegram accepted. */
  partsSent(outboxId: string): Map<number, number> {
    const rows = this.s.partsSent.all(outboxId) as Array<{ part: number; message_id: number }>;
    return new Map(rows.map((r) => [r.part, r.message_id]));
  }

  recordPart(outboxId: string, part: number, messageId: number, now: number): void {
    this.s.recordPart.run(outboxId, part, messageId, now);
  }

  /**
   * The Approve and Reject buttons of one outbox row: made at its first attempt and the same
   * for every later one, so a part resent after a crash carries the buttons already recorded.
   */
  buttonsFor(b: { outboxId: string; approvalId: string; chatId: string; messageHtml: string; now: number; expiresAt: number }): Record<ButtonDecision, ButtonRow> {
    this.db.transaction(() => {
      for (const decision of ['approve', 'reject'] as const) {
        this.s.insertButton.run(randomBytes(16).toString('base64url'), b.outboxId, b.approvalId, decision, b.chatId, b.messageHtml, b.now, b.expiresAt);
      }
    })();
    const rows = this.s.buttonsOf.all(b.outboxId) as ButtonRow[];
    return { approve: rows.find((r) => r.decision === 'approve')!, reject: rows.find((r) => r.decision === 'reject')! };
  }

  setButtonsMessage(outboxId: string, messageId: number): void {
    this.s.setMessage.run(messageId, outboxId);
  }

  button(token: string): ButtonRow | undefined {
    return this.s.button.get(token) as ButtonRow | undefined;
  }

  /** Every button of the approval stops deciding anything; `then` runs in the same transaction (the poll offset). */
  useButtons(approvalId: string, now: number, by: string, then: () => void): void {
    this.db.transaction(() => {
      this.s.useButtons.run(now, by, approvalId);
      then();
    })();
  }

  /** The getUpdates offset: the first update id not handled yet (0: from whatever Telegram still holds). */
  nextOffset(): number {
    return (this.s.nextOffset.get() as { next_offset: number } | undefined)?.next_offset ?? 0;
  }

  setNextOffset(offset: number): void {
    this.s.setNextOffset.run(offset);
  }

  prune(before: number): void {
    this.s.pruneParts.run(before);
    this.s.pruneButtons.run(before);
  }
}

const stores = new WeakMap<Db, TelegramStore>();

/** One store per database connection (its statements prepared once). */
export function telegramStore(db: Db): TelegramStore {
  let store = stores.get(db);
  if (!store) {
    store = new TelegramStore(db);
    stores.set(db, store);
  }
  return store;
}
