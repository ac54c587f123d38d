export const name = 'run-dry-run';

/**
 * Dry runs: a run started with `dryRun` records every Class B/C step as a dry run.
 * The flag lives on the run so a resumed or retried run stays a dry run. The history page
 * filters a workflow's runs by status and date, hence the index.
 */
export const sql = /* sql */ `
ALTER TABLE runs ADD COLUMN dry_run INTEGER NOT NULL DEFAULT 0;
CREATE INDEX runs_workflow_status_created ON runs (workflow_id, status, created_at);
`;
