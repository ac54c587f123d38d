export const name = 'telemetry-made-ids';

/**
 * Telemetry rows whose id was made here on ingest (a fresh UUIDv7) cannot have been stored
 * before, so only rows that came with their own id (a client's, a remote pull's) need the
 * unique check that makes re-sending a row harmless. `id_given` says which; the unique index
 * covers those rows alone, and a made-id row costs one index fewer to insert (ingest
 * speed). SQLite cannot drop a column's UNIQUE, so the table is rebuilt; rows already
 * stored keep their check (id_given = 1) and their seq (the push cursor).
 */
export const sql = /* sql */ `
CREATE TABLE telemetry_logs_v10 (
  seq         INTEGER PRIMARY KEY,          -- local insertion order: the push cursor
  id          TEXT NOT NULL,                -- UUID (v7 when made here); unique where id_given = 1
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
  origin      INTEGER NOT NULL DEFAULT 0,   -- 0 written here (pushed), 1 pulled from the remote
  id_given    INTEGER NOT NULL DEFAULT 1    -- 0: the id was made here on ingest
) STRICT;
INSERT INTO telemetry_logs_v10 (seq, id, ts, level, source, message, fingerprint, endpoint, method, status, duration_ms, trace_id, meta, origin, id_given)
  SELECT seq, id, ts, level, source, message, fingerprint, endpoint, method, status, duration_ms, trace_id, meta, origin, 1 FROM telemetry_logs;
DROP TABLE telemetry_logs;
ALTER TABLE telemetry_logs_v10 RENAME TO telemetry_logs;
CREATE UNIQUE INDEX telemetry_logs_given_id ON telemetry_logs (id) WHERE id_given = 1;
CREATE INDEX telemetry_logs_ts ON telemetry_logs (ts);
CREATE INDEX telemetry_logs_fingerprint ON telemetry_logs (fingerprint, ts);
`;
