export const name = 'foundation';

export const sql = /* sql */ `
CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE secrets (
  name       TEXT PRIMARY KEY,
  ciphertext BLOB NOT NULL,
  cipher     TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- internal flags (e.g. "the hide-to-tray notice was shown"); not founder settings
CREATE TABLE app_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;
