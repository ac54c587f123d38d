import type { AiUsageRow } from '../../../shared/contract/ai';
import type { Db } from '../db/open';

export type NewUsageRow = Omit<AiUsageRow, 'id'>;

export interface MonthUsage {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costMinor: number;
}

/** The ai_usage table (migration 0028): one row per model call. */
export class AiUsageStore {
  constructor(private readonly db: Db) {}

  record(row: NewUsageRow): void {
    this.db
      .prepare('INSERT INTO ai_usage (at, feature, model, input_tokens, output_tokens, cost_minor, latency_ms, outcome, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(row.at, row.feature, row.model, row.inputTokens, row.outputTokens, row.costMinor, row.latencyMs, row.outcome, row.error);
  }

  /** Newest first. */
  list(limit: number): AiUsageRow[] {
    return this.db
      .prepare(
        `SELECT id, at, feature, model, input_tokens AS inputTokens, output_tokens AS outputTokens, cost_minor AS costMinor,
                latency_ms AS latencyMs, outcome, error FROM ai_usage ORDER BY at DESC, id DESC LIMIT ?`,
      )
      .all(limit) as AiUsageRow[];
  }

  /** Cents (fractional) spent on calls made in [from, to). */
  costBetween(from: number, to: number): number {
    return this.db.prepare('SELECT coalesce(sum(cost_minor), 0) FROM ai_usage WHERE at >= ? AND at < ?').pluck().get(from, to) as number;
  }

  since(from: number): MonthUsage {
    return this.db
      .prepare(
        `SELECT count(*) AS calls, coalesce(sum(input_tokens), 0) AS inputTokens, coalesce(sum(output_tokens), 0) AS outputTokens,
                coalesce(sum(cost_minor), 0) AS costMinor FROM ai_usage WHERE at >= ?`,
      )
      .get(from) as MonthUsage;
  }
}

/** The first moment of the calendar month (UTC) that `now` falls in. */
export function monthStart(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}
