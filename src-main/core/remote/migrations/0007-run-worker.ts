/**
 * `owner` is cleared when a run ends or parks (so its lease logic sees it free); the Workers
 * view still needs to say which worker drove it. `ran_by` keeps the last worker that claimed
 * it. Every statement may run again.
 */
export const name = 'run-worker';

export const sql = /* sql */ `
ALTER TABLE levqor_runs ADD COLUMN IF NOT EXISTS ran_by text;
`;
