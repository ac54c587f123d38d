import type { DataMapCoverage } from '../data-map-port';
import type { DataMapEntry, DataStore } from './data-map-types';
import { localDataMap } from './local-data-map';
import { remoteDataMap } from './remote-data-map';

export type { DataMapEntry, DataStore, ErasureRule, SubjectColumns } from './data-map-types';

/** The data map: every table of both stores, what personal data it holds and how erasure treats it. */
export const dataMap: readonly DataMapEntry[] = [...localDataMap, ...remoteDataMap];

/** The coverage of the tables given: the port's answer before it says whether the remote was read. */
export type TableCoverage = Omit<DataMapCoverage, 'remoteChecked'>;

/**
 * Which tables of the migrated schemas the map leaves out. The governance preflight asks this
 * (through the compliance port) before the business goes post-launch.
 */
export function dataMapCoverage(tables: { local: readonly string[]; remote: readonly string[] }, map: readonly DataMapEntry[] = dataMap): TableCoverage {
  const known = new Set(map.map((e) => `${e.store}:${e.table}`));
  const missing = [
    ...tables.local.filter((t) => !known.has(`local:${t}`)).map((table) => ({ store: 'local' as const, table })),
    ...tables.remote.filter((t) => !known.has(`remote:${t}`)).map((table) => ({ store: 'remote' as const, table })),
  ];
  return { complete: missing.length === 0, missing, tables: tables.local.length + tables.remote.length };
}

export function mappedTables(store: DataStore): DataMapEntry[] {
  return dataMap.filter((e) => e.store === store);
}
