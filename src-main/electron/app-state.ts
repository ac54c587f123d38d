import type { Db } from '../core/db/open';

/**
 * Internal desktop flags in core's `app_state` table (key/value text). Not founder settings:
 * they never show in the Settings page or the API.
 */
export function readAppState(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM app_state WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function writeAppState(db: Db, key: string, value: string): void {
  db.prepare('INSERT OR REPLACE INTO app_state (key, value) VALUES (?, ?)').run(key, value);
}
