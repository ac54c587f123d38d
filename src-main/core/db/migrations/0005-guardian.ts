export const name = 'guardian';

/**
 * Guardian: monitors (their definition and current state), heartbeat history (pruned after
 * guardianHistoryDays) and the hourly health scores.
 */
export const sql = /* sql */ `
CREATE TABLE guardian_monitors (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  type        TEXT NOT NULL,
  definition  TEXT NOT NULL,               -- JSON: url, interval, retries, timeout, keyword, check…
  push_token  TEXT UNIQUE,                 -- push monitors: the secret in /heartbeat/<token>
  state       TEXT NOT NULL DEFAULT 'PENDING',
  failures    INTEGER NOT NULL DEFAULT 0,
  last_check_at  INTEGER,
  last_change_at INTEGER,
  last_ping_at   INTEGER,
  last_alert_at  INTEGER,
  last_message   TEXT,
  last_ms        REAL,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE guardian_beats (
  id          INTEGER PRIMARY KEY,
  monitor_id  TEXT NOT NULL REFERENCES guardian_monitors (id) ON DELETE CASCADE,
  at          INTEGER NOT NULL,
  state       TEXT NOT NULL,
  message     TEXT NOT NULL,
  ms          REAL,
  important   INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX guardian_beats_monitor ON guardian_beats (monitor_id, at);
CREATE INDEX guardian_beats_at ON guardian_beats (at);

CREATE TABLE guardian_scores (
  at        INTEGER PRIMARY KEY,
  score     INTEGER NOT NULL,
  breakdown TEXT NOT NULL                  -- JSON: the deductions
) STRICT;
`;
