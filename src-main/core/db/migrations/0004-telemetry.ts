export const name = 'telemetry';

/**
 * Telemetry: raw rows (pruned after telemetry.retentionDays), rollups per minute, hour and
 * day (kept 1, 30 and 365 days) that detectors, reports and charts read instead of the raw
 * rows, fingerprint groups, detected anomalies and the sync cursors.
 */
export const sql = /* sql */ `
CREATE TABLE telemetry_logs (
  seq         INTEGER PRIMARY KEY,          -- local insertion order: the push cursor
  id          TEXT NOT NULL UNIQUE,         -- UUID (v7 when made here); sync upserts on it
  ts          INTEGER NOT NULL,             -- ms since the epoch
  level       TEXT NOT NULL,
  source      TEXT NOT NULL,
  message     TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  endpoint    TEXT,
  method      TEXT,
  status      INTEGER,
  duration_ms REAL,
  trace_id    TEXT,
  meta        TEXT,                         -- JSON object
  origin      INTEGER NOT NULL DEFAULT 0    -- 0 written here (pushed), 1 pulled from the remote
) STRICT;
CREATE INDEX telemetry_logs_ts ON telemetry_logs (ts);
CREATE INDEX telemetry_logs_fingerprint ON telemetry_logs (fingerprint, ts);

CREATE TABLE telemetry_rollup_levels (
  grain  TEXT NOT NULL,                     -- minute | hour | day
  bucket INTEGER NOT NULL,                  -- bucket start, ms
  level  TEXT NOT NULL,
  n      INTEGER NOT NULL,
  PRIMARY KEY (grain, bucket, level)
) STRICT, WITHOUT ROWID;

CREATE TABLE telemetry_rollup_endpoints (
  grain    TEXT NOT NULL,
  bucket   INTEGER NOT NULL,
  endpoint TEXT NOT NULL,
  method   TEXT NOT NULL,                   -- '' when the rows had none
  n        INTEGER NOT NULL,                -- rows with a status
  errors   INTEGER NOT NULL,                -- rows with status >= 500
  dur_n    INTEGER NOT NULL,
  dur_sum  REAL NOT NULL,
  dur_max  REAL NOT NULL,
  hist     TEXT NOT NULL,                   -- JSON {bucketIndex: count}, log-scale durations
  PRIMARY KEY (grain, bucket, endpoint, method)
) STRICT, WITHOUT ROWID;

CREATE TABLE telemetry_rollup_fingerprints (
  grain       TEXT NOT NULL,
  bucket      INTEGER NOT NULL,
  fingerprint TEXT NOT NULL,
  n           INTEGER NOT NULL,
  PRIMARY KEY (grain, bucket, fingerprint)
) STRICT, WITHOUT ROWID;

CREATE TABLE telemetry_groups (
  fingerprint TEXT PRIMARY KEY,
  level       TEXT NOT NULL,
  source      TEXT NOT NULL,
  sample      TEXT NOT NULL,
  first_seen  INTEGER NOT NULL,
  last_seen   INTEGER NOT NULL,
  n           INTEGER NOT NULL
) STRICT;

CREATE TABLE telemetry_anomalies (
  id           TEXT PRIMARY KEY,
  kind         TEXT NOT NULL,
  severity     TEXT NOT NULL,
  subject      TEXT NOT NULL,
  summary      TEXT NOT NULL,
  window_start INTEGER NOT NULL,
  window_end   INTEGER NOT NULL,
  detected_at  INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  numbers      TEXT NOT NULL              -- JSON: the figures behind it
) STRICT;
CREATE INDEX telemetry_anomalies_detected ON telemetry_anomalies (detected_at);
CREATE INDEX telemetry_anomalies_open ON telemetry_anomalies (kind, subject, severity, last_seen_at);

CREATE TABLE telemetry_sync_state (
  key   TEXT PRIMARY KEY,                   -- push.seq, pull.cursor, last.at, node.id
  value TEXT NOT NULL
) STRICT;
`;
