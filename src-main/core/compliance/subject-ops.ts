import type { DataMapEntry } from './data-map-types';
import type { SubjectKeys } from './subject-keys';

/** What erasing one table did. */
export interface TableErasure {
  table: string;
  rule: DataMapEntry['erasure'];
  rows: number;
}

/** One store's reads and writes about a person, table by table as the data map names them. */
export interface SubjectOps {
  /** The person's rows of a mapped table. */
  find(entry: DataMapEntry, keys: SubjectKeys): Record<string, unknown>[] | Promise<Record<string, unknown>[]>;
  /** Deletes or anonymises the person's rows of every given table, all or nothing. */
  erase(entries: readonly DataMapEntry[], keys: SubjectKeys, hash: string): TableErasure[] | Promise<TableErasure[]>;
  /** How many rows of a mapped table still match the person (the proof wants 0). */
  count(entry: DataMapEntry, keys: SubjectKeys): number | Promise<number>;
}

/** The tables of a map a person can have rows in. */
export function subjectTables(entries: readonly DataMapEntry[]): DataMapEntry[] {
  return entries.filter((e) => e.erasure !== 'none' && e.subject);
}
