import type Database from 'better-sqlite3';
import type { Db } from '../../db/open';

/** Where a running full pass stands, kept so a killed sync resumes it. */
export interface FullPassMark {
  reason: string;
  /** Events from this second on are applied after the pass (epoch seconds of Stripe's newest event when it began). */
  watermark: number;
  /** When its lists were fetched (epoch seconds): the state_at of what it stores. */
  startedAt: number;
}

export interface LastPass {
  full: boolean;
  reason: string;
  counts: Record<string, number>;
}

/**
 * stripe_sync_state: the sync's facts as keys — each list's cursor (`cursor:<kind>`, the last id
 * stored or `done`), the full pass under way, the newest event applied, the last success and error.
 */
export class SyncState {
  private readonly read: Database.Statement;
  private readonly write: Database.Statement;
  private readonly remove: Database.Statement;

  constructor(readonly db: Db) {
    this.read = db.prepare('SELECT value FROM stripe_sync_state WHERE key = ?').pluck();
    this.write = db.prepare('INSERT INTO stripe_sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    this.remove = db.prepare('DELETE FROM stripe_sync_state WHERE key = ? OR key LIKE ?');
  }

  get(key: string): string | undefined {
    return this.read.get(key) as string | undefined;
  }
  set(key: string, value: string | number): void {
    this.write.run(key, String(value));
  }
  number(key: string): number | undefined {
    const v = this.get(key);
    return v === undefined ? undefined : Number(v);
  }
  json<T>(key: string): T | undefined {
    const v = this.get(key);
    return v === undefined ? undefined : (JSON.parse(v) as T);
  }
  /** Removes `key` and every `key:…`. */
  clear(key: string): void {
    this.remove.run(key, `${key}:%`);
  }
}
