import type { HealthScore } from '../../../shared/contract/guardian';
import type { Db } from '../db/open';

export interface ScorePoint {
  at: number;
  score: number;
}

/** Every SQL statement on guardian_scores (the hourly health score). */
export class ScoreStore {
  constructor(private readonly db: Db) {}

  /** One score per `at`: storing the same hour again replaces it. */
  insert(s: HealthScore): void {
    this.db.prepare('INSERT INTO guardian_scores (at, score, breakdown) VALUES (?, ?, ?) ON CONFLICT (at) DO UPDATE SET score = excluded.score, breakdown = excluded.breakdown').run(s.at, s.score, JSON.stringify(s.breakdown));
  }

  /** The newest `limit` scores since `since`, oldest first. */
  history(q: { since?: number | undefined; limit: number }): ScorePoint[] {
    return this.db.prepare('SELECT at, score FROM (SELECT at, score FROM guardian_scores WHERE at >= ? ORDER BY at DESC LIMIT ?) ORDER BY at').all(q.since ?? 0, q.limit) as ScorePoint[];
  }

  /** The last score stored before `at`. */
  before(at: number): ScorePoint | undefined {
    return this.db.prepare('SELECT at, score FROM guardian_scores WHERE at < ? ORDER BY at DESC LIMIT 1').get(at) as ScorePoint | undefined;
  }

  prune(before: number): void {
    this.db.prepare('DELETE FROM guardian_scores WHERE at < ?').run(before);
  }
}
