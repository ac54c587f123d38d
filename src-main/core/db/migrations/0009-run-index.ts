export const name = 'run-index';

/**
 * One index for a workflow's runs instead of two: (workflow_id, created_at, status) serves
 * the latest run, the history's date ranges, and the analytics' counts by status as a
 * covering index. Every run written pays for each index on `runs`, so one fewer is a page
 * fewer per commit.
 */
export const sql = /* sql */ `
DROP INDEX runs_workflow_created;
DROP INDEX runs_workflow_status_created;
CREATE INDEX runs_workflow_created_status ON runs (workflow_id, created_at, status);
`;
