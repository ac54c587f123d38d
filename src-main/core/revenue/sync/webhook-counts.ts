import type Database from 'better-sqlite3';
import type { Db } from '../../db/open';
import type { WebhookDeliveries } from '../../revenue-port';

const hourMs = 3_600_000;

/** The `stripe_webhook_deliveries` table: per hour, deliveries accepted and refused for their signature. */
export class WebhookCounts {
  // prepared once: accepted() is on every webhook's path
  private readonly accept: Database.Statement;
  private readonly refuse: Database.Statement;

  constructor(private readonly db: Db) {
    this.accept = db.prepare('INSERT INTO stripe_webhook_deliveries (hour, accepted) VALUES (?, 1) ON CONFLICT (hour) DO UPDATE SET accepted = accepted + 1');
    this.refuse = db.prepare(
      'INSERT INTO stripe_webhook_deliveries (hour, refused, last_refusal, last_refused_at) VALUES (?, 1, ?, ?) ON CONFLICT (hour) DO UPDATE SET refused = refused + 1, last_refusal = excluded.last_refusal, last_refused_at = excluded.last_refused_at',
    );
  }

  accepted(at: number): void {
    this.accept.run(at - (at % hourMs));
  }

  refused(at: number, reason: string): void {
    this.refuse.run(at - (at % hourMs), reason, at);
  }

  /** Deliveries in the hours that end after `sinceMs`. */
  since(sinceMs: number): WebhookDeliveries {
    const from = sinceMs - (sinceMs % hourMs);
    const sums = this.db.prepare('SELECT coalesce(sum(accepted), 0) AS accepted, coalesce(sum(refused), 0) AS refused FROM stripe_webhook_deliveries WHERE hour >= ?').get(from) as { accepted: number; refused: number };
    const last = this.db.prepare('SELECT last_refusal, last_refused_at FROM stripe_webhook_deliveries WHERE hour >= ? AND last_refused_at IS NOT NULL ORDER BY last_refused_at DESC LIMIT 1').get(from) as { last_refusal: string; last_refused_at: number } | undefined;
    return { ...sums, lastRefusal: last?.last_refusal ?? null, lastRefusedAt: last?.last_refused_at ?? null };
  }
}
