export const name = 'browser-sessions';

/**
 * Sessions of browsers that opened `levqor serve`'s access link. Only a hash of each session
 * value is kept, so a copy of the database does not sign anyone in.
 */
export const sql = /* sql */ `
CREATE TABLE browser_sessions (
  id TEXT PRIMARY KEY,
  value_hash TEXT NOT NULL UNIQUE,
  user_agent TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
`;
