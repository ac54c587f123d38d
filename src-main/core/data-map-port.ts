/**
 * Whether the compliance data map names every table of the migrated stores, as another
 * capability (the governance preflight) asks it: createCore hands it `core.compliance.coveragePort()`,
 * so the asker never imports compliance.
 */
export interface DataMapCoveragePort {
  coverage(): Promise<{
    complete: boolean;
    missing: { store: 'local' | 'remote'; table: string }[];
    tables: number;
    /** False when the shared Postgres could not be read: only the local tables were compared. */
    remoteChecked: boolean;
  }>;
}
