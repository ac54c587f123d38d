export const name = 'workflow-versions';

/**
 * Drafts and versions. A workflow may be saved with validation problems as a draft:
 * its (possibly invalid) document is kept as written, `problems` lists why, and its trigger is
 * inactive until a valid save. Every save, import and restore appends a version, so the
 * editor can show and restore earlier ones. Workflows stored before this migration become
 * version 1 of their own history.
 */
export const sql = /* sql */ `
ALTER TABLE workflows ADD COLUMN draft INTEGER NOT NULL DEFAULT 0;
ALTER TABLE workflows ADD COLUMN problems TEXT;            -- JSON [{path, message}] while a draft
ALTER TABLE workflows ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE workflow_versions (
  workflow_id TEXT NOT NULL,
  version     INTEGER NOT NULL,
  saved_at    INTEGER NOT NULL,
  name        TEXT NOT NULL,
  draft       INTEGER NOT NULL,
  document    TEXT NOT NULL,                                -- the document as saved (drafts as written)
  problems    TEXT NOT NULL,                                -- JSON [{path, message}], [] when valid
  PRIMARY KEY (workflow_id, version)
) STRICT, WITHOUT ROWID;

INSERT INTO workflow_versions (workflow_id, version, saved_at, name, draft, document, problems)
  SELECT w.id, 1, w.updated_at, w.name, 0, d.document, '[]'
  FROM workflows w JOIN workflow_definitions d ON d.id = w.definition_id;
`;
