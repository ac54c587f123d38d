import * as m0001 from './0001-foundation';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Numbered migrations, applied in order, never edited once shipped. A new capability adds
 * the next file and one line here.
 */
export const migrations: readonly Migration[] = [{ version: 1, ...m0001 }];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
