export const name = 'compliance';

/**
 * Data-subject requests and what erasing someone leaves behind (docs/compliance.md).
 *
 * subject_requests: one row per export, erase or do-not-sell request, filed by hand, from the
 * CLI or pulled from the site's remote table (`site_id` then holds its remote id, so a second
 * pull never files it twice). `email` is cleared once the person is erased; `email_hash`
 * (SHA-256 of the lower-cased address) stays so the request can still be shown and audited.
 * `due_at` is the statutory deadline (GDPR one month, CCPA 45 days from `received_at`).
 * `outcome` is JSON: the export's summary, or the erasure's proof.
 *
 * subject_flags: CCPA "do not sell or share", by email hash (the address itself is not kept).
 *
 * compliance_state: the site pull's cursor, how many ledger erasures this database has applied.
 */
export const sql = /* sql */ `
CREATE TABLE subject_requests (
  id            TEXT PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('export', 'erase', 'do-not-sell')),
  law           TEXT NOT NULL CHECK (law IN ('gdpr', 'ccpa')),
  source        TEXT NOT NULL CHECK (source IN ('app', 'cli', 'site')),
  site_id       TEXT UNIQUE,
  email         TEXT,
  email_hash    TEXT NOT NULL,
  received_at   INTEGER NOT NULL,
  due_at        INTEGER NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('open', 'waiting', 'erasing', 'answered', 'rejected')),
  approval_id   TEXT,
  answered_at   INTEGER,
  outcome       TEXT,
  attempts      INTEGER NOT NULL DEFAULT 0,
  last_error    TEXT,
  alerted_at    INTEGER
) STRICT;
CREATE INDEX subject_requests_due ON subject_requests (status, due_at);
CREATE INDEX subject_requests_hash ON subject_requests (email_hash);

CREATE TABLE subject_flags (
  email_hash   TEXT PRIMARY KEY,
  do_not_sell  INTEGER NOT NULL CHECK (do_not_sell IN (0, 1)),
  set_at       INTEGER NOT NULL,
  request_id   TEXT
) STRICT;

CREATE TABLE compliance_state (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) STRICT;
`;
