export const name = 'notify-outbox';

/**
 * The notification outbox: each notice for each channel is a row, written before anything is
 * delivered, so a notice survives a restart and a sent row is never sent again. notice_key
 * (what the notice is about, e.g. one approval) keeps an event heard twice from making a
 * second row for the same channel.
 */
export const sql = /* sql */ `
CREATE TABLE notify_outbox (
  id              TEXT PRIMARY KEY,
  channel         TEXT NOT NULL,
  notice_key      TEXT NOT NULL,
  notice          TEXT NOT NULL,              -- JSON: id, title, body, area, at
  state           TEXT NOT NULL DEFAULT 'pending',
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,                    -- pending: due time, or the lease of the attempt under way
  last_error      TEXT,
  created_at      INTEGER NOT NULL,
  sent_at         INTEGER,
  UNIQUE (notice_key, channel)
) STRICT;
CREATE INDEX notify_outbox_due ON notify_outbox (state, next_attempt_at);
CREATE INDEX notify_outbox_created ON notify_outbox (created_at);
`;
