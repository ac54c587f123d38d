import type { Notice, OutboxRow, OutboxState } from '../../../shared/contract/notify';
import type { Db } from '../db/open';
import { uuidv7 } from '../ids';
import { foldRepeat } from './fold';

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
  last_answer: string | null;
  last_attempt_at: number | null;
  merged_into: string | null;
  group_key: string | null;
  leased_until: number | null;
  lease_owner: string | null;
}

/** An outbox row as the engine sees it: the contract's row and what it needs to plan and fold. */
export interface LaneRow extends OutboxRow {
  groupKey: string | null;
  leasedUntil: number | null;
  leaseOwner: string | null;
}

function fromRow(r: Row): LaneRow {
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
    lastAnswer: r.last_answer,
    lastAttemptAt: r.last_attempt_at,
    mergedInto: r.merged_into,
    groupKey: r.group_key,
    leasedUntil: r.leased_until,
    leaseOwner: r.lease_owner,
  };
}

function publicRow(r: LaneRow): OutboxRow {
  const { groupKey: _g, leasedUntil: _l, leaseOwner: _o, ...row } = r;
  return row;
}

/** How an attempt ended, as the row records it. */
export interface Settled {
  state: OutboxState;
  nextAttemptAt: number | null;
  lastError: string | null;
  sentAt: number | null;
  answer: string | null;
}

/** How a notice folds with others: repeats of one alert (dedupe) or members of one digest (group), within a window. */
export interface Folding {
  dedupe?: string | undefined;
  group?: string | undefined;
  windowMs: number;
}

/** The notify_outbox table. */
export class OutboxStore {
  constructor(private readonly db: Db) {}

  /** false once core is closed (an attempt that was under way then must not touch the table or the log). */
  get isOpen(): boolean {
    return this.db.open;
  }

  /**
   * One pending row per channel; a channel that already has a row for this key keeps it. A
   * repeat of an alert waiting on a channel adds to its count instead; a repeat or a group
   * member within the window of one already written waits for the window's end. Returns the rows made.
   */
  enqueue(key: string, notice: Notice, channels: readonly string[], now: number, folding?: Folding): number {
    const insert = this.db.prepare(
      `INSERT INTO notify_outbox (id, channel, notice_key, notice, state, attempts, next_attempt_at, created_at, dedupe_key, group_key)
       VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?) ON CONFLICT (notice_key, channel) DO NOTHING`,
    );
    const json = JSON.stringify(notice);
    let made = 0;
    this.db.transaction(() => {
      for (const channel of channels) {
        if (folding?.dedupe !== undefined && this.addRepeat(channel, folding.dedupe, now)) continue;
        const due = folding ? this.windowEnd(channel, folding, now) : now;
        made += insert.run(uuidv7(now), channel, key, json, due, now, folding?.dedupe ?? null, folding?.group ?? null).changes;
      }
    })();
    return made;
  }

  /** Whether any row (any channel, any state) is about this notice key. */
  hasKey(key: string): boolean {
    return this.db.prepare('SELECT 1 FROM notify_outbox WHERE notice_key = ? LIMIT 1').get(key) !== undefined;
  }

  /** A waiting row of this alert that no attempt holds now counts one more repeat. */
  private addRepeat(channel: string, dedupe: string, now: number): boolean {
    const row = this.db
      .prepare(
        `SELECT id, notice FROM notify_outbox WHERE channel = ? AND dedupe_key = ? AND state = 'pending'
         AND (leased_until IS NULL OR leased_until <= ?) ORDER BY created_at DESC LIMIT 1`,
      )
      .get(channel, dedupe, now) as { id: string; notice: string } | undefined;
    if (!row) return false;
    const notice = foldRepeat(JSON.parse(row.notice) as Notice);
    this.db.prepare('UPDATE notify_outbox SET notice = ? WHERE id = ?').run(JSON.stringify(notice), row.id);
    return true;
  }

  /** now, or the end of the window opened by the first row of this alert or group written within it. */
  private windowEnd(channel: string, folding: Folding, now: number): number {
    const [column, value] = folding.dedupe !== undefined ? ['dedupe_key', folding.dedupe] : ['group_key', folding.group];
    if (value === undefined) return now;
    const first = this.db
      .prepare(`SELECT MIN(created_at) AS at FROM notify_outbox WHERE channel = ? AND ${column} = ? AND created_at > ?`)
      .get(channel, value, now - folding.windowMs) as { at: number | null };
    return first.at === null ? now : first.at + folding.windowMs;
  }

  get(id: string): OutboxRow | undefined {
    const row = this.getLane(id);
    return row ? publicRow(row) : undefined;
  }

  getLane(id: string): LaneRow | undefined {
    const row = this.db.prepare('SELECT * FROM notify_outbox WHERE id = ?').get(id) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  /** Newest first. */
  list(query: { state?: OutboxState | undefined; limit: number }): OutboxRow[] {
    const rows = (
      query.state === undefined
        ? this.db.prepare('SELECT * FROM notify_outbox ORDER BY created_at DESC, rowid DESC LIMIT ?').all(query.limit)
        : this.db.prepare('SELECT * FROM notify_outbox WHERE state = ? ORDER BY created_at DESC, rowid DESC LIMIT ?').all(query.state, query.limit)
    ) as Row[];
    return rows.map((r) => publicRow(fromRow(r)));
  }

  /** The channels that have pending rows. */
  pendingChannels(): string[] {
    return (this.db.prepare("SELECT DISTINCT channel FROM notify_outbox WHERE state = 'pending'").all() as Array<{ channel: string }>).map((r) => r.channel);
  }

  /** A channel's oldest pending row (the one its order lets go next); criticalOnly: its oldest pending critical one. */
  head(channel: string, criticalOnly = false): LaneRow | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM notify_outbox WHERE channel = ? AND state = 'pending'
         ${criticalOnly ? "AND json_extract(notice, '$.severity') = 'critical'" : ''} ORDER BY created_at, rowid LIMIT 1`,
      )
      .get(channel) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  /**
   * Takes a row for one attempt: counts the attempt and holds the row for leaseMs, so no other
   * pass or process delivers it meanwhile. The row must be due, or held by `takeOverFrom` (the
   * lease of a process that is gone). false: someone else has it, or it is not due.
   */
  claim(id: string, now: number, leaseMs: number, owner: string, takeOverFrom?: string): boolean {
    const lease = now + leaseMs;
    const sql = `UPDATE notify_outbox SET attempts = attempts + 1, next_attempt_at = ?, leased_until = ?, lease_owner = ?
      WHERE id = ? AND state = 'pending' AND ${takeOverFrom === undefined ? 'next_attempt_at <= ?' : 'lease_owner = ? AND leased_until > ?'}`;
    const args = takeOverFrom === undefined ? [lease, lease, owner, id, now] : [lease, lease, owner, id, takeOverFrom, now];
    return this.db.prepare(sql).run(...args).changes === 1;
  }

  /** The other waiting rows of a row's group on its channel (no attempt holds them), oldest first. */
  groupMembers(head: LaneRow, now: number): LaneRow[] {
    if (head.groupKey === null) return [];
    const rows = this.db
      .prepare(
        `SELECT * FROM notify_outbox WHERE channel = ? AND group_key = ? AND state = 'pending' AND id != ?
         AND (leased_until IS NULL OR leased_until <= ?) ORDER BY created_at, rowid`,
      )
      .all(head.channel, head.groupKey, head.id, now) as Row[];
    return rows.map(fromRow);
  }

  /** The rows go out inside `into`, whose notice becomes the digest. */
  merge(into: string, digest: Notice, members: readonly string[]): void {
    this.db.transaction(() => {
      this.db.prepare('UPDATE notify_outbox SET notice = ? WHERE id = ?').run(JSON.stringify(digest), into);
      const mark = this.db.prepare("UPDATE notify_outbox SET state = 'merged', merged_into = ?, next_attempt_at = NULL WHERE id = ? AND state = 'pending'");
      for (const id of members) mark.run(into, id);
    })();
  }

  settle(id: string, s: Settled, at: number): OutboxRow {
    this.db
      .prepare(
        `UPDATE notify_outbox SET state = ?, next_attempt_at = ?, last_error = ?, sent_at = ?, last_answer = ?, last_attempt_at = ?,
         leased_until = NULL, lease_owner = NULL WHERE id = ?`,
      )
      .run(s.state, s.nextAttemptAt, s.lastError, s.sentAt, s.answer, at, id);
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
