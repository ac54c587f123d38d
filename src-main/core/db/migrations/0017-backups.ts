export const name = 'backups';

/**
 * Backup plans (what, where, when, how long to keep) and the history of every operation on a
 * plan's repository. A plan's repository password is a secret (table secrets), not a column.
 * An operation keeps its plan's name, so the history outlives a removed plan; `owner` is the
 * process that runs it (host/pid/instance), so a later start can tell one whose process died
 * (interrupted) from one another process is still running; `child_pid` is its restic, stopped
 * when it outlived a killed app.
 */
export const sql = /* sql */ `
CREATE TABLE backup_plans (
  id                     TEXT PRIMARY KEY,
  name                   TEXT NOT NULL UNIQUE,
  owner                  TEXT NOT NULL,
  sources                TEXT NOT NULL,
  excludes               TEXT NOT NULL,
  repository             TEXT NOT NULL,
  schedule_cron          TEXT,
  schedule_timezone      TEXT NOT NULL,
  retention              TEXT NOT NULL,
  check_cron             TEXT,
  check_read_data_subset TEXT,
  created_at             INTEGER NOT NULL,
  updated_at             INTEGER NOT NULL
) STRICT;

CREATE TABLE backup_operations (
  id             TEXT PRIMARY KEY,
  plan_id        TEXT,
  plan_name      TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('init', 'backup', 'forget', 'check')),
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

CREATE INDEX backup_operations_by_plan ON backup_operations (plan_id, started_at DESC);
CREATE INDEX backup_operations_running ON backup_operations (status) WHERE status = 'running';
`;
