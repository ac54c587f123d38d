export const name = 'telemetry-lean-rows';

/**
 * Two costs leave every ingested telemetry row (for ingest speed):
 * - A row that arrives without an id stores none: `id` is NULL and the id is read from the
 *   row's ts, seq and this install's node id (core/telemetry/made-id.ts) — no made string,
 *   36 bytes less per row. SQLite cannot drop NOT NULL, so the table is rebuilt; every stored
 *   row keeps its id, its seq (the push cursor) and its unique check.
 * - No index on ts: `telemetry_blocks` keeps the lowest and highest ts of each 1024 seqs, and
 *   time ranges read the overlapping blocks by rowid (core/telemetry/time-blocks.ts).
 */
export const sql = /* sql */ `
CREATE TABLE telemetry_logs_v12 (
  seq         INTEGER PRIMARY KEY,          -- local insertion order: the push cursor
  id          TEXT,                         -- UUID; NULL when made here (read from ts, seq, node id)
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
  id_given    INTEGER NOT NULL DEFAULT 1    -- 1: the row came with its id, checked unique
) STRICT;
INSERT INTO telemetry_logs_v12 SELECT seq, id, ts, level, source, message, fingerprint, endpoint, method, status, duration_ms, trace_id, meta, origin, id_given FROM telemetry_logs;
DROP TABLE telemetry_logs;
ALTER TABLE telemetry_logs_v12 RENAME TO telemetry_logs;
CREATE UNIQUE INDEX telemetry_logs_given_id ON telemetry_logs (id) WHERE id_given = 1;

CREATE TABLE telemetry_blocks (
  block  INTEGER PRIMARY KEY,               -- seq / 1024
  min_ts INTEGER NOT NULL,                  -- the block's oldest row
  max_ts INTEGER NOT NULL                   -- and its newest
) STRICT;
INSERT INTO telemetry_blocks SELECT seq / 1024, min(ts), max(ts) FROM telemetry_logs GROUP BY seq / 1024;
CREATE INDEX telemetry_blocks_max_ts ON telemetry_blocks (max_ts);
`;
