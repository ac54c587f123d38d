import type { DeliveryAttempt } from '../../../shared/contract/notify';
import type { Db } from '../db/open';

/** notify_attempts: every attempt at every outbox row, for the delivery history. */
export class DeliveryHistory {
  constructor(private readonly db: Db) {}

  record(outboxId: string, a: DeliveryAttempt): void {
    this.db
      .prepare('INSERT INTO notify_attempts (outbox_id, attempt, at, ms, outcome, answer, error) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(outboxId, a.attempt, a.at, a.ms, a.outcome, a.answer, a.error);
  }

  /** A row's attempts, first first. */
  of(outboxId: string): DeliveryAttempt[] {
    return this.db.prepare('SELECT attempt, at, ms, outcome, answer, error FROM notify_attempts WHERE outbox_id = ? ORDER BY seq').all(outboxId) as DeliveryAttempt[];
  }
}
