import type { Notice, OutboxRow, OutboxState } from '../../../shared/contract/notify';
import type { Db } from '../db/open';
import { uuidv7 } from '../ids';

interface Row {
  id: string;
  channel: string;
  notice: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: number | null;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

function fromRow(r: Row): OutboxRow {
  return {
    id: r.id,
    channel: r.channel,
    notice: JSON.parse(r.notice) as Notice,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

/** How an attempt ended, as the row records it. */
export interface Settled {
  state: OutboxState;
  nextAttemptAt: number | null;
  lastError: string | null;
  sentAt: number | null;
}

/** The notify_outbox table. */
export class OutboxStore {
  constructor(private readonly db: Db) {}

  /** false once core is closed (an attempt that was under way then must not touch the table or the log). */
  get isOpen(): boolean {
    return this.db.open;
  }

  /** One pending row per channel; a channel that already has a row for this key keeps it. Returns the rows made. */
  enqueue(key: string, notice: Notice, channels: readonly string[], now: number): number {
    const insert = this.db.prepare(
      `INSERT INTO notify_outbox (id, channel, notice_key, notice, state, attempts, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT (notice_key, channel) DO NOTHING`,
    );
    const json = JSON.stringify(notice);
    let made = 0;
    this.db.transaction(() => {
      for (const channel of channels) made += insert.run(uuidv7(now), channel, key, json, now, now).changes;
    })();
    return made;
  }

  /** Whether any row (any channel, any state) is about this notice key. */
  hasKey(key: string): boolean {
    return this.db.prepare('SELECT 1 FROM notify_outbox WHERE notice_key = ? LIMIT 1').get(key) !== undefined;
  }

  get(id: string): OutboxRow | undefined {
    const row = this.db.prepare('SELECT * FROM notify_outbox WHERE id = ?').get(id) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  /** Newest first. */
  list(query: { state?: OutboxState | undefined; limit: number }): OutboxRow[] {
    const rows = (
      query.state === undefined
        ? this.db.prepare('SELECT * FROM notify_outbox ORDER BY created_at DESC, id DESC LIMIT ?').all(query.limit)
        : this.db.prepare('SELECT * FROM notify_outbox WHERE state = ? ORDER BY created_at DESC, id DESC LIMIT ?').all(query.state, query.limit)
    ) as Row[];
    return rows.map(fromRow);
  }

  /** Pending rows whose time has come (a first attempt, a retry after its backoff, or an attempt whose process died). */
  due(now: number, limit: number): OutboxRow[] {
    const rows = this.db
      .prepare("SELECT * FROM notify_outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?")
      .all(now, limit) as Row[];
    return rows.map(fromRow);
  }

  /** When the next pending row falls due, if any. */
  nextDueAt(): number | undefined {
    const row = this.db.prepare("SELECT MIN(next_attempt_at) AS at FROM notify_outbox WHERE state = 'pending'").get() as { at: number | null };
    return row.at ?? undefined;
  }

  /**
   * Takes a due row for one attempt: counts the attempt and holds the row for leaseMs, so no
   * other pass or process delivers it meanwhile. false: someone else has it, or it is not due.
   */
  claim(id: string, now: number, leaseMs: number): boolean {
    return (
      this.db
        .prepare("UPDATE notify_outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ? AND state = 'pending' AND next_attempt_at <= ?")
        .run(now + leaseMs, id, now).changes === 1
    );
  }

  settle(id: string, s: Settled): OutboxRow {
    this.db
      .prepare('UPDATE notify_outbox SET state = ?, next_attempt_at = ?, last_error = ?, sent_at = ? WHERE id = ?')
      .run(s.state, s.nextAttemptAt, s.lastError, s.sentAt, id);
    return this.get(id)!;
  }

  /** A failed or skipped row is pending again, from its first attempt; false for any other state. */
  reopen(id: string, now: number): boolean {
    return (
      this.db
        .prepare("UPDATE notify_outbox SET state = 'pending', attempts = 0, next_attempt_at = ? WHERE id = ? AND state IN ('failed', 'skipped')")
        .run(now, id).changes === 1
    );
  }

  /** Forgets finished rows made before `before` (pending rows are kept whatever their age). */
  prune(before: number): number {
    return this.db.prepare("DELETE FROM notify_outbox WHERE state != 'pending' AND created_at < ?").run(before).changes;
  }

  /** The newest row of `channel` whose delivery ended (sent, failed or skipped): how its latest delivery went. */
  lastFinished(channel: string): OutboxRow | undefined {
    const row = this.db.prepare("SELECT * FROM notify_outbox WHERE channel = ? AND state IN ('sent', 'failed', 'skipped') ORDER BY created_at DESC, id DESC LIMIT 1").get(channel) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }
}
