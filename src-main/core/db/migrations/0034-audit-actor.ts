export const name = 'audit-actor';

/**
 * The audit log view (docs/governance.md) says who did each thing. workflow_audit.actor: who
 * acted when no approval carries it (the founder who switched the stage); NULL means the app
 * itself, or the approval's decider when approval_id is set. The index on `at` serves the
 * view's date range, newest first.
 */
export const sql = /* sql */ `
ALTER TABLE workflow_audit ADD COLUMN actor TEXT;
CREATE INDEX workflow_audit_at ON workflow_audit (at);
`;
