export const name = 'notify-outbox-engine';

/**
 * What the outbox engine needs beyond the rows of 0014:
 * - notify_outbox.dedupe_key / group_key: a repeat of the same alert folds into one row with a
 *   count; rows of one group within a minute fold into one digest. merged_into names the row a
 *   folded row went out in (its state is then 'merged'). leased_until: an attempt is under way
 *   (a pending row may only be folded into while nobody is sending it), lease_owner: by which
 *   process (one killed mid-send gives its row up at once, not when the lease runs out). last_answer: what the
 *   provider said last; last_attempt_at: when.
 * - notify_attempts: the delivery history, one row per attempt.
 * - notify_channels: per channel, the earliest time of its next send (its provider's rate and a
 *   Retry-After), kept across restarts.
 * - notify_pause: the founder's "pause alerts" (one row).
 */
export const sql = /* sql */ `
ALTER TABLE notify_outbox ADD COLUMN dedupe_key TEXT;
ALTER TABLE notify_outbox ADD COLUMN group_key TEXT;
ALTER TABLE notify_outbox ADD COLUMN merged_into TEXT;
ALTER TABLE notify_outbox ADD COLUMN leased_until INTEGER;
ALTER TABLE notify_outbox ADD COLUMN lease_owner TEXT;
ALTER TABLE notify_outbox ADD COLUMN last_answer TEXT;
ALTER TABLE notify_outbox ADD COLUMN last_attempt_at INTEGER;
CREATE INDEX notify_outbox_lane ON notify_outbox (channel, state, created_at); -- a lane: its rows in the order written (created_at, rowid)
CREATE INDEX notify_outbox_dedupe ON notify_outbox (channel, dedupe_key, created_at) WHERE dedupe_key IS NOT NULL;
CREATE INDEX notify_outbox_group ON notify_outbox (channel, group_key, created_at) WHERE group_key IS NOT NULL;

CREATE TABLE notify_attempts (
  seq        INTEGER PRIMARY KEY,         -- a retried row counts its attempts from 1 again; seq keeps them apart
  outbox_id  TEXT NOT NULL REFERENCES notify_outbox (id) ON DELETE CASCADE,
  attempt    INTEGER NOT NULL,
  at         INTEGER NOT NULL,
  ms         INTEGER NOT NULL,
  outcome    TEXT NOT NULL,               -- sent, failed, skipped
  answer     TEXT,                        -- the provider's answer (never a secret)
  error      TEXT
) STRICT;
CREATE INDEX notify_attempts_row ON notify_attempts (outbox_id);

CREATE TABLE notify_channels (
  channel       TEXT PRIMARY KEY,
  next_send_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE notify_pause (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  paused_until  INTEGER NOT NULL
) STRICT;
`;
