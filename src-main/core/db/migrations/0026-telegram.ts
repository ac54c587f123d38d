export const name = 'telegram';

/**
 * What the Telegram channel and its approval buttons remember across restarts.
 *
 * telegram_parts_sent: the parts of a long message (split at 4,096 characters) that Telegram
 * accepted, per outbox row, so the attempt after a crash or a 429 sends only the rest.
 *
 * telegram_buttons: one row per Approve / Reject button. The button's callback_data carries
 * `token` (random, 128 bits) and its signature; the approval, the decision, the chat and message it was
 * sent in and its expiry live here, so a button cannot be forged, pointed at another
 * approval, or used after it expired or once it decided. message_html is the text of the
 * message that carries the keyboard, so the answer can be written under it.
 *
 * telegram_poll: the getUpdates offset (the next update id wanted), so a restart never reads
 * an update twice.
 */
export const sql = /* sql */ `
CREATE TABLE telegram_parts_sent (
  outbox_id   TEXT NOT NULL,
  part        INTEGER NOT NULL,
  message_id  INTEGER NOT NULL,
  sent_at     INTEGER NOT NULL,
  PRIMARY KEY (outbox_id, part)
) STRICT;
CREATE INDEX telegram_parts_sent_at ON telegram_parts_sent (sent_at);

CREATE TABLE telegram_buttons (
  token         TEXT PRIMARY KEY,
  outbox_id     TEXT NOT NULL,
  approval_id   TEXT NOT NULL,
  decision      TEXT NOT NULL CHECK (decision IN ('approve', 'reject')),
  chat_id       TEXT NOT NULL,
  message_id    INTEGER,
  message_html  TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  expires_at    INTEGER NOT NULL,
  used_at       INTEGER,
  used_by       TEXT,
  UNIQUE (outbox_id, decision)
) STRICT;
CREATE INDEX telegram_buttons_approval ON telegram_buttons (approval_id);
CREATE INDEX telegram_buttons_expires ON telegram_buttons (expires_at);

CREATE TABLE telegram_poll (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  next_offset  INTEGER NOT NULL
) STRICT;
`;
