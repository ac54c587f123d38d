/**
 * What governance reads of the compliance data map (which columns of every table hold personal
 * data): whether it is built, and the tables it leaves out. The compliance capability provides
 * it; until createCore connects one, `dataMapNotBuilt` answers, and the preflight and the
 * hardening checklist warn that the map is not built yet instead of guessing.
 */
export type DataMapCoverage = { built: false; reason: string } | { built: true; uncoveredTables: string[]; tableCount: number };

export interface DataMapPort {
  coverage(): DataMapCoverage | Promise<DataMapCoverage>;
}

export const dataMapNotBuilt: DataMapPort = {
  coverage: () => ({ built: false, reason: 'The compliance data map is not built yet, so no one can say which tables hold personal data.' }),
};
