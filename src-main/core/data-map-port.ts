/**
 * Whether the compliance data map names every table of the migrated stores, as another
 * capability (the governance preflight and hardening checklist) asks it: createCore hands it
 * `core.compliance.coveragePort()`, so the asker never imports compliance.
 */
export interface DataMapCoverage {
  complete: boolean;
  missing: { store: 'local' | 'remote'; table: string }[];
  tables: number;
  /** False when the shared Postgres could not be read: only the local tables were compared. */
  remoteChecked: boolean;
}

export interface DataMapCoveragePort {
  coverage(): Promise<DataMapCoverage>;
}

/** The tables a coverage leaves out, as the founder reads them: `sales_leads (shared Postgres)`. */
export function missingTables(coverage: DataMapCoverage): string {
  return coverage.missing.map((m) => (m.store === 'remote' ? `${m.table} (shared Postgres)` : m.table)).join(', ');
}
