export const name = 'backup-plan-policies';

/**
 * A plan's own run policy (the defaults are what every plan did before): how often a failed
 * scheduled backup is tried again and how long the first wait is, what a fire does while the
 * previous scheduled backup still runs (skip or queue), whether missed fires catch up (latest
 * or none), and how long a restic check may run. `stale_announced_for` remembers the stale
 * period already announced (the plan's last success, or `never`), so a restart does not
 * announce it again.
 */
export const sql = /* sql */ `
ALTER TABLE backup_plans ADD COLUMN retries INTEGER NOT NULL DEFAULT 2;
ALTER TABLE backup_plans ADD COLUMN retry_delay_ms INTEGER NOT NULL DEFAULT 60000;
ALTER TABLE backup_plans ADD COLUMN overlap TEXT NOT NULL DEFAULT 'skip' CHECK (overlap IN ('skip', 'queue'));
ALTER TABLE backup_plans ADD COLUMN catch_up TEXT NOT NULL DEFAULT 'latest' CHECK (catch_up IN ('latest', 'none'));
ALTER TABLE backup_plans ADD COLUMN check_timeout_ms INTEGER NOT NULL DEFAULT 43200000;
ALTER TABLE backup_plans ADD COLUMN stale_announced_for TEXT;
`;
