export const name = 'products';

export const sql = /* sql */ `
-- one row per compiled archive: the sha256 is what makes a compile reproducible and checkable
CREATE TABLE product_builds (
  slug        TEXT NOT NULL,
  version     TEXT NOT NULL,
  zip_path    TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  bytes       INTEGER NOT NULL,
  entries     INTEGER NOT NULL,
  compiled_at INTEGER NOT NULL,
  PRIMARY KEY (slug, version)
) STRICT;

-- the Drive upload queue: offline or credential-less compiles wait here, retried with backoff;
-- pre-launch uploads are recorded as dry runs (needs-approval) with the plan they would carry out
CREATE TABLE product_uploads (
  id                 TEXT PRIMARY KEY,
  slug               TEXT NOT NULL,
  version            TEXT NOT NULL,
  zip_path           TEXT NOT NULL,
  sha256             TEXT NOT NULL,
  bytes              INTEGER NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('needs-approval', 'queued', 'uploading', 'done', 'failed', 'superseded')),
  plan               TEXT NOT NULL,
  attempts           INTEGER NOT NULL DEFAULT 0,
  next_attempt_at    INTEGER,
  last_error         TEXT,
  -- the resumable session URI, so an interrupted upload continues where it stopped; never leaves core
  session_uri        TEXT,
  drive_file_id      TEXT,
  drive_download_url TEXT,
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL
) STRICT;

CREATE INDEX product_uploads_by_status ON product_uploads (status, next_attempt_at);
CREATE INDEX product_uploads_by_slug ON product_uploads (slug, created_at);
`;
