import * as r0001 from './0001-seed-tables';

export interface RemoteMigration {
  version: number;
  name: string;
  sql: string;
}

/** Remote schema migrations, applied on connect in order; never edited once shipped. */
export const remoteMigrations: readonly RemoteMigration[] = [{ version: 1, ...r0001 }];

export const latestRemoteVersion = remoteMigrations.at(-1)?.version ?? 0;
