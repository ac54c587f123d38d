import type { Anomaly } from '../../../shared/contract/telemetry';
import type { AnomalyKind } from '../../../shared/telemetry';
import type { Db } from '../db/open';
import { uuidv7 } from '../ids';
import type { Finding } from './detectors';

/** Every column, named as the contract names them. */
const anomalyColumns = 'id, kind, severity, subject, summary, window_start AS windowStart, window_end AS windowEnd, detected_at AS detectedAt, last_seen_at AS lastSeenAt, numbers';

/** A row as anomalyColumns reads it: the numbers still JSON. */
type StoredAnomaly = Omit<Anomaly, 'numbers'> & { numbers: string };

/** An anomaly seen again within this long is the same one going on, not a new one. */
export const ongoingMs = 30 * 60_000;

function toAnomaly(r: StoredAnomaly): Anomaly {
  return { ...r, numbers: JSON.parse(r.numbers) as Anomaly['numbers'] };
}

/** Stored anomalies: a finding that is still going on updates its anomaly instead of adding one. */
export class AnomalyStore {
  constructor(private readonly db: Db) {}

  record(findings: Finding[], now: number): { current: Anomaly[]; fresh: Anomaly[] } {
    const open = this.db.prepare('SELECT id FROM telemetry_anomalies WHERE kind = ? AND subject = ? AND severity = ? AND last_seen_at >= ? ORDER BY last_seen_at DESC LIMIT 1').pluck();
    const update = this.db.prepare('UPDATE telemetry_anomalies SET summary = ?, window_end = ?, last_seen_at = ?, numbers = ? WHERE id = ?');
    const insert = this.db.prepare(
      'INSERT INTO telemetry_anomalies (id, kind, severity, subject, summary, window_start, window_end, detected_at, last_seen_at, numbers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const get = this.db.prepare(`SELECT ${anomalyColumns} FROM telemetry_anomalies WHERE id = ?`);
    return this.db.transaction(() => {
      const current: Anomaly[] = [];
      const fresh: Anomaly[] = [];
      for (const f of findings) {
        const numbers = JSON.stringify(f.numbers);
        const existing = open.get(f.kind, f.subject, f.severity, now - ongoingMs) as string | undefined;
        let id = existing;
        if (id) update.run(f.summary, f.windowEnd, now, numbers, id);
        else {
          id = uuidv7(now);
          insert.run(id, f.kind, f.severity, f.subject, f.summary, f.windowStart, f.windowEnd, now, now, numbers);
        }
        const anomaly = toAnomaly(get.get(id) as StoredAnomaly);
        current.push(anomaly);
        if (!existing) fresh.push(anomaly);
      }
      return { current, fresh };
    })();
  }

  list(q: { since?: number; until?: number; kind?: AnomalyKind; limit: number }): Anomaly[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.since !== undefined) {
      where.push('last_seen_at >= ?');
      params.push(q.since);
    }
    if (q.until !== undefined) {
      where.push('detected_at < ?');
      params.push(q.until);
    }
    if (q.kind !== undefined) {
      where.push('kind = ?');
      params.push(q.kind);
    }
    const rows = this.db
      .prepare(`SELECT ${anomalyColumns} FROM telemetry_anomalies ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY detected_at DESC, id DESC LIMIT ?`)
      .all(...params, q.limit) as StoredAnomaly[];
    return rows.map(toAnomaly);
  }

  countDetected(from: number, to: number): number {
    return this.db.prepare('SELECT count(*) FROM telemetry_anomalies WHERE detected_at >= ? AND detected_at < ?').pluck().get(from, to) as number;
  }
}
