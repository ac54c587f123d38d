/** Where a table lives: the app's own SQLite file, or the shared Postgres the site writes. */
export type DataStore = 'local' | 'remote';

/**
 * What erasing a person does to a table's rows about them: `delete` removes the rows;
 * `anonymise` keeps them with the personal columns replaced (history the figures depend on);
 * `legal-hold` is anonymise for rows a law obliges the founder to keep (invoices for tax), listed
 * as such in the erasure's report; `none` means the table holds nobody's personal data.
 */
export type ErasureRule = 'delete' | 'anonymise' | 'legal-hold' | 'none';

/**
 * How a table's rows are found for one person: `email` columns equal the address (any case),
 * `customer` columns equal one of their Stripe customer ids, `text` columns (free text, JSON)
 * contain either, `item` columns hold the id of one of their pipeline items.
 */
export interface SubjectColumns {
  email?: readonly string[];
  customer?: readonly string[];
  text?: readonly string[];
  item?: readonly string[];
}

export interface DataMapEntry {
  table: string;
  store: DataStore;
  /** What the table is for, in the founder's words. */
  purpose: string;
  /** The columns that hold personal data (empty: none). */
  personal: readonly string[];
  /** The lawful basis for keeping that data (GDPR art. 6). */
  basis: string;
  /** How long rows are kept, in words; `retentionDays` when a schedule enforces it. */
  retention: string;
  retentionDays?: number;
  erasure: ErasureRule;
  /** How a subject's rows are found (absent when `erasure` is none). */
  subject?: SubjectColumns;
  /** Personal columns emptied (set to NULL) when a row is anonymised, besides the subject columns. */
  wipe?: readonly string[];
}

const noPersonalData = 'no personal data';

/** A table that holds nobody's personal data (configuration, counters, ids). */
export function plainTable(store: DataStore, table: string, purpose: string, retention = 'kept while the app is used'): DataMapEntry {
  return { table, store, purpose, personal: [], basis: noPersonalData, retention, erasure: 'none' };
}
