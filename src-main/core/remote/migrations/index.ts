import * as r0001 from './0001-seed-tables';
import * as r0002 from './0002-pipeline-columns';
import * as r0003 from './0003-dfy-packages';
import * as r0004 from './0004-workers';
import * as r0006 from './0006-subject-requests';
import * as r0007 from './0007-run-worker';

export interface RemoteMigration {
  version: number;
  name: string;
  sql: string;
}

/** Remote schema migrations, applied on connect in order; never edited once shipped. */
export const remoteMigrations: readonly RemoteMigration[] = [
  { version: 1, ...r0001 },
  { version: 2, ...r0002 },
  { version: 3, ...r0003 },
  { version: 4, ...r0004 },
  { version: 6, ...r0006 },
  { version: 7, ...r0007 },
];

export const latestRemoteVersion = remoteMigrations.at(-1)?.version ?? 0;
