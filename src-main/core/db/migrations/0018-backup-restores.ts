export const name = 'backup-restores';

/**
 * A restore is an operation of the history too. SQLite cannot change a CHECK in place, so the
 * table is made again with `restore` among the kinds and its rows copied over.
 */
export const sql = /* sql */ `
CREATE TABLE backup_operations_new (
  id             TEXT PRIMARY KEY,
  plan_id        TEXT,
  plan_name      TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('init', 'backup', 'forget', 'check', 'restore')),
  status         TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled', 'interrupted')),
  owner          TEXT,
  child_pid      INTEGER,
  started_at     INTEGER NOT NULL,
  finished_at    INTEGER,
  duration_ms    INTEGER,
  bytes          INTEGER,
  files          INTEGER,
  bytes_added    INTEGER,
  snapshot_id    TEXT,
  error          TEXT,
  restic_version TEXT,
  log            TEXT NOT NULL DEFAULT ''
) STRICT;

INSERT INTO backup_operations_new SELECT * FROM backup_operations;
DROP TABLE backup_operations;
ALTER TABLE backup_operations_new RENAME TO backup_operations;

CREATE INDEX backup_operations_by_plan ON backup_operations (plan_id, started_at DESC);
CREATE INDEX backup_operations_running ON backup_operations (status) WHERE status = 'running';
`;
