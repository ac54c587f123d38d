import { createHash, randomBytes } from 'node:crypto';
import type { BrowserSession } from '../../../shared/contract/sessions';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import { uuidv7 } from '../ids';

const minute = 60_000;
const day = 24 * 60 * minute;

/** A session ends after this long without a call… */
export const sessionIdleMs = 14 * day;
/** …and at the latest this long after the link was opened: then the founder opens it again. */
export const sessionLifetimeMs = 90 * day;
/** lastSeen is written at most this often: a write per call would cost more than it tells. */
const touchEveryMs = minute;

interface Row {
  id: string;
  user_agent: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

export interface OpenedSession {
  id: string;
  /** What the browser keeps and sends back; never stored here, only its hash. */
  value: string;
  expiresAt: number;
}

function hashOf(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * Browser sessions of the headless server. The access token is traded once for a session
 * value that is random, per browser, revocable and expiring, so the token itself never has to
 * live in a browser. Kept in SQLite so that the CLI can list and revoke the sessions of a
 * server that is running in another process.
 */
export class BrowserSessions {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  open(userAgent: string): OpenedSession {
    const now = this.clock.now();
    const value = randomBytes(32).toString('base64url');
    const id = uuidv7(now);
    const expiresAt = now + sessionIdleMs;
    this.db.prepare('DELETE FROM browser_sessions WHERE expires_at <= ?').run(now);
    this.db
      .prepare('INSERT INTO browser_sessions (id, value_hash, user_agent, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, hashOf(value), userAgent.slice(0, 200), now, now, expiresAt);
    return { id, value, expiresAt };
  }

  /** The session a value belongs to, if it is still valid; each use pushes its idle end out. */
  verify(value: string | undefined): { id: string } | undefined {
    if (!value || value.length > 200) return undefined;
    const row = this.db.prepare('SELECT id, user_agent, created_at, last_seen_at, expires_at FROM browser_sessions WHERE value_hash = ?').get(hashOf(value)) as Row | undefined;
    const now = this.clock.now();
    if (!row || row.expires_at <= now) return undefined;
    if (now - row.last_seen_at >= touchEveryMs) {
      const expiresAt = Math.min(now + sessionIdleMs, row.created_at + sessionLifetimeMs);
      this.db.prepare('UPDATE browser_sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?').run(now, expiresAt, row.id);
    }
    return { id: row.id };
  }

  list(currentId?: string): BrowserSession[] {
    const rows = this.db
      .prepare('SELECT id, user_agent, created_at, last_seen_at, expires_at FROM browser_sessions WHERE expires_at > ? ORDER BY created_at DESC')
      .all(this.clock.now()) as Row[];
    return rows.map((r) => ({
      id: r.id,
      userAgent: r.user_agent,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      expiresAt: r.expires_at,
      current: r.id === currentId,
    }));
  }

  /** Ends one session (by id) or every session; the browsers are asked for the link again. */
  revoke(target: { id: string } | { all: true }): number {
    if ('all' in target) return this.db.prepare('DELETE FROM browser_sessions').run().changes;
    const { changes } = this.db.prepare('DELETE FROM browser_sessions WHERE id = ?').run(target.id);
    if (changes === 0) throw new CoreError('NOT_FOUND', `id: no browser session "${target.id}"`, 'id');
    return changes;
  }
}
