export const name = 'approval-subjects';

/**
 * One approval mechanism for every kind of subject (issues 5 and 7): an approval is about a
 * run's step, a product's Drive upload or a Guardian healing action. SQLite cannot drop a
 * NOT NULL, so `approvals` and `workflow_audit` are rebuilt (rows kept, step approvals keep
 * their FK to runs); `product_uploads` is rebuilt for the `rejected` status and the link to
 * its approval.
 */
export const sql = /* sql */ `
CREATE TABLE approvals_v7 (
  id            TEXT PRIMARY KEY,
  subject_kind  TEXT NOT NULL,
  subject_ref   TEXT NOT NULL,
  subject_title TEXT NOT NULL,
  run_id        TEXT REFERENCES runs (id) ON DELETE CASCADE,
  node_id       TEXT,
  workflow_id   TEXT,
  workflow_name TEXT,
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
  reason        TEXT,
  -- JSON { ok, message, at }: what the subject's owner did after the decision (non-step kinds)
  outcome       TEXT,
  CHECK (subject_kind <> 'step' OR (run_id IS NOT NULL AND node_id IS NOT NULL))
) STRICT;
INSERT INTO approvals_v7 (id, subject_kind, subject_ref, subject_title, run_id, node_id, workflow_id, workflow_name, step_type, class, stage,
  message, preview, status, requested_by, requested_at, expires_at, on_timeout, decided_by, decided_at, reason)
SELECT id, 'step', run_id || '/' || node_id, workflow_name || ' › ' || node_id, run_id, node_id, workflow_id, workflow_name, step_type, class, stage,
  message, preview, status, requested_by, requested_at, expires_at, on_timeout, decided_by, decided_at, reason
FROM approvals;
DROP TABLE approvals;
ALTER TABLE approvals_v7 RENAME TO approvals;
CREATE INDEX approvals_status ON approvals (status, requested_at);
CREATE INDEX approvals_run ON approvals (run_id, node_id) WHERE run_id IS NOT NULL;
CREATE INDEX approvals_subject ON approvals (subject_kind, subject_ref);
CREATE INDEX approvals_expiry ON approvals (expires_at) WHERE status = 'pending' AND expires_at IS NOT NULL;

CREATE TABLE workflow_audit_v7 (
  id           INTEGER PRIMARY KEY,
  at           INTEGER NOT NULL,
  subject_kind TEXT NOT NULL DEFAULT 'step',
  subject_ref  TEXT,
  run_id       TEXT,
  node_id      TEXT,
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
INSERT INTO workflow_audit_v7 (id, at, subject_kind, subject_ref, run_id, node_id, workflow_id, step_type, class, stage, mode, decision, approval_id, attempt, detail)
SELECT id, at, 'step', run_id || '/' || node_id, run_id, node_id, workflow_id, step_type, class, stage, mode, decision, approval_id, attempt, detail
FROM workflow_audit;
DROP TABLE workflow_audit;
ALTER TABLE workflow_audit_v7 RENAME TO workflow_audit;
CREATE INDEX workflow_audit_run ON workflow_audit (run_id) WHERE run_id IS NOT NULL;
CREATE INDEX workflow_audit_subject ON workflow_audit (subject_kind, subject_ref);

CREATE TABLE product_uploads_v7 (
  id                 TEXT PRIMARY KEY,
  slug               TEXT NOT NULL,
  version            TEXT NOT NULL,
  zip_path           TEXT NOT NULL,
  sha256             TEXT NOT NULL,
  bytes              INTEGER NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('needs-approval', 'queued', 'uploading', 'done', 'failed', 'superseded', 'rejected')),
  plan               TEXT NOT NULL,
  attempts           INTEGER NOT NULL DEFAULT 0,
  next_attempt_at    INTEGER,
  last_error         TEXT,
  session_uri        TEXT,
  drive_file_id      TEXT,
  drive_download_url TEXT,
  -- the pre-launch approval this upload waits for (or went out under)
  approval_id        TEXT,
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL
) STRICT;
INSERT INTO product_uploads_v7 (id, slug, version, zip_path, sha256, bytes, status, plan, attempts, next_attempt_at, last_error, session_uri,
  drive_file_id, drive_download_url, created_at, updated_at)
SELECT id, slug, version, zip_path, sha256, bytes, status, plan, attempts, next_attempt_at, last_error, session_uri,
  drive_file_id, drive_download_url, created_at, updated_at
FROM product_uploads;
DROP TABLE product_uploads;
ALTER TABLE product_uploads_v7 RENAME TO product_uploads;
CREATE INDEX product_uploads_by_status ON product_uploads (status, next_attempt_at);
CREATE INDEX product_uploads_by_slug ON product_uploads (slug, created_at);
`;
