/** The remote Postgres' public entry: other capabilities import from here only (tests/unit/layering.test.ts). */
export { RemoteDb, type RemoteDbStatus, type RemoteState } from './remote-db';
export { latestRemoteVersion } from './migrations';
export { parsePostgresUrl } from './connection-url';
