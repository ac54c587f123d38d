export const name = 'workflows';

/**
 * The workflow engine: workflows, content-addressed definitions that runs pin,
 * durable runs and their steps, approvals, the side-effect audit, run logs and cron state.
 * See core/workflows/README.md for when each row is written.
 */
export const sql = /* sql */ `
CREATE TABLE workflows (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  definition_id  TEXT NOT NULL,
  trigger_type   TEXT NOT NULL,
  webhook_path   TEXT,
  webhook_secret TEXT,
  enabled        INTEGER NOT NULL DEFAULT 1,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX workflows_webhook_path ON workflows (webhook_path) WHERE webhook_path IS NOT NULL;

-- one row per distinct workflow document (sha256 of its JSON); a run pins the one it started with
CREATE TABLE workflow_definitions (
  id         TEXT PRIMARY KEY,
  document   TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE runs (
  id              TEXT PRIMARY KEY,
  workflow_id     TEXT,
  workflow_name   TEXT NOT NULL,
  definition_id   TEXT NOT NULL REFERENCES workflow_definitions (id),
  trigger         TEXT NOT NULL,
  status          TEXT NOT NULL,
  input           TEXT,
  output          TEXT,
  error           TEXT,
  parent_run_id   TEXT,
  parent_node_id  TEXT,
  depth           INTEGER NOT NULL DEFAULT 0,
  dedupe_key      TEXT,
  scheduled_for   INTEGER,
  owner           TEXT,
  lease_until     INTEGER,
  wake_at         INTEGER,
  cancel_requested INTEGER NOT NULL DEFAULT 0,
  created_at      INTEGER NOT NULL,
  started_at      INTEGER,
  finished_at     INTEGER,
  updated_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX runs_workflow_created ON runs (workflow_id, created_at);
CREATE INDEX runs_active ON runs (status, wake_at) WHERE status IN ('queued', 'running', 'waiting');
CREATE INDEX runs_parent ON runs (parent_run_id) WHERE parent_run_id IS NOT NULL;
CREATE UNIQUE INDEX runs_dedupe ON runs (dedupe_key) WHERE dedupe_key IS NOT NULL;

CREATE TABLE run_steps (
  run_id         TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  node_id        TEXT NOT NULL,
  type           TEXT NOT NULL,
  class          TEXT NOT NULL,
  status         TEXT NOT NULL,
  mode           TEXT,
  attempt        INTEGER NOT NULL DEFAULT 0,
  attempt_base   INTEGER NOT NULL DEFAULT 0,
  interruptions  INTEGER NOT NULL DEFAULT 0,
  input          TEXT,
  output         TEXT,
  port           TEXT,
  error          TEXT,
  state          TEXT,
  wake_at        INTEGER,
  approval_id    TEXT,
  seq            INTEGER NOT NULL,
  started_at     INTEGER,
  finished_at    INTEGER,
  updated_at     INTEGER NOT NULL,
  PRIMARY KEY (run_id, node_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE approvals (
  id            TEXT PRIMARY KEY,
  run_id        TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  node_id       TEXT NOT NULL,
  workflow_id   TEXT,
  workflow_name TEXT NOT NULL,
  step_type     TEXT NOT NULL,
  class         TEXT NOT NULL,
  stage         TEXT NOT NULL,
  message       TEXT NOT NULL,
  preview       TEXT,
  status        TEXT NOT NULL,
  requested_by  TEXT NOT NULL,
  requested_at  INTEGER NOT NULL,
  expires_at    INTEGER,
  on_timeout    TEXT NOT NULL,
  decided_by    TEXT,
  decided_at    INTEGER,
  reason        TEXT
) STRICT;
CREATE INDEX approvals_status ON approvals (status, requested_at);
CREATE INDEX approvals_run ON approvals (run_id, node_id);

-- every side effect and every dry run (ARCHITECTURE §4), and every blocked step
CREATE TABLE workflow_audit (
  id           INTEGER PRIMARY KEY,
  at           INTEGER NOT NULL,
  run_id       TEXT NOT NULL,
  node_id      TEXT NOT NULL,
  workflow_id  TEXT,
  step_type    TEXT NOT NULL,
  class        TEXT NOT NULL,
  stage        TEXT NOT NULL,
  mode         TEXT NOT NULL,
  decision     TEXT NOT NULL,
  approval_id  TEXT,
  attempt      INTEGER NOT NULL,
  detail       TEXT
) STRICT;
CREATE INDEX workflow_audit_run ON workflow_audit (run_id);

-- id: a UUIDv7, so (run_id, id) is the log in order, in one b-tree
CREATE TABLE run_logs (
  run_id  TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  id      TEXT NOT NULL,
  node_id TEXT,
  at      INTEGER NOT NULL,
  level   TEXT NOT NULL,
  message TEXT NOT NULL,
  data    TEXT,
  PRIMARY KEY (run_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE schedule_state (
  workflow_id      TEXT PRIMARY KEY,
  definition_id    TEXT NOT NULL,
  last_checked_at  INTEGER NOT NULL,
  last_fire_at     INTEGER,
  buffered_fire_at INTEGER,
  active_run_id    TEXT,
  updated_at       INTEGER NOT NULL
) STRICT;
`;
