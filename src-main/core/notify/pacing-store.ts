import type { Db } from '../db/open';

/**
 * What holds a channel back, kept across restarts: the earliest time of its next send (its
 * provider's rate, a Retry-After) in notify_channels, and the founder's pause of all alerts in
 * notify_pause.
 */
export class PacingStore {
  constructor(private readonly db: Db) {}

  /** The earliest time the channel may send again (0: any time). */
  nextSendAt(channel: string): number {
    const row = this.db.prepare('SELECT next_send_at FROM notify_channels WHERE channel = ?').get(channel) as { next_send_at: number } | undefined;
    return row?.next_send_at ?? 0;
  }

  /** The channel sends nothing before `at` (a later hold already recorded stays). */
  holdUntil(channel: string, at: number): void {
    this.db
      .prepare('INSERT INTO notify_channels (channel, next_send_at) VALUES (?, ?) ON CONFLICT (channel) DO UPDATE SET next_send_at = MAX(next_send_at, excluded.next_send_at)')
      .run(channel, at);
  }

  /** Until when alerts are paused; undefined when they are not (or the pause is over). */
  pausedUntil(now: number): number | undefined {
    const row = this.db.prepare('SELECT paused_until FROM notify_pause WHERE id = 1').get() as { paused_until: number } | undefined;
    return row && row.paused_until > now ? row.paused_until : undefined;
  }

  pause(until: number): void {
    this.db.prepare('INSERT INTO notify_pause (id, paused_until) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET paused_until = excluded.paused_until').run(until);
  }

  resume(): void {
    this.db.prepare('DELETE FROM notify_pause').run();
  }
}
