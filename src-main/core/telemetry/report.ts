import type { DailyReport } from '../../../shared/contract/telemetry';
import { telemetryLevels, type TelemetryLevel } from '../../../shared/telemetry';
import type { Db } from '../db/open';
import { badInput } from '../errors';
import type { AnomalyStore } from './anomaly-store';
import { quantile } from './histogram';
import { endpointStats } from './rollup-read';
import { day, floorTo } from './row';

const top = 10;

/** The daily report for one UTC day from the day rollups, each figure beside the day before. */
export function dailyReport(db: Db, anomalies: AnomalyStore, date: string | undefined, now: number): DailyReport {
  const start = date === undefined ? floorTo(now, day) - day : Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(start) || (date !== undefined && new Date(start).toISOString().slice(0, 10) !== date)) throw badInput('date', `is not a real date (got "${date}")`);
  const prev = start - day;

  const levelRows = db.prepare("SELECT bucket, level, sum(n) AS n FROM telemetry_rollup_levels WHERE grain = 'day' AND bucket IN (?, ?) GROUP BY bucket, level").all(start, prev) as { bucket: number; level: TelemetryLevel; n: number }[];
  const levelCount = (bucket: number, level: TelemetryLevel) => levelRows.find((r) => r.bucket === bucket && r.level === level)?.n ?? 0;
  const byLevel = telemetryLevels.map((level) => ({ level, count: levelCount(start, level), previous: levelCount(prev, level) }));
  const total = { count: byLevel.reduce((s, l) => s + l.count, 0), previous: byLevel.reduce((s, l) => s + l.previous, 0) };

  const errorRows = db
    .prepare(
      `SELECT r.fingerprint, g.level, g.sample, sum(r.n) AS n,
         (SELECT sum(p.n) FROM telemetry_rollup_fingerprints p WHERE p.grain = 'day' AND p.bucket = ? AND p.fingerprint = r.fingerprint) AS previous
       FROM telemetry_rollup_fingerprints r JOIN telemetry_groups g ON g.fingerprint = r.fingerprint
       WHERE r.grain = 'day' AND r.bucket = ? AND g.level IN ('error', 'fatal') GROUP BY r.fingerprint ORDER BY n DESC LIMIT ?`,
    )
    .all(prev, start, top) as { fingerprint: string; level: TelemetryLevel; sample: string; n: number; previous: number | null }[];
  const topErrors = errorRows.map((r) => ({ fingerprint: r.fingerprint, level: r.level, sample: r.sample.slice(0, 500), count: r.n, previous: r.previous ?? 0 }));

  const today = endpointStats(db, 'day', start, start + day);
  const before = endpointStats(db, 'day', prev, start);
  const slowestEndpoints = [...today.values()]
    .filter((s) => s.durN > 0)
    .map((s) => {
      const b = before.get(s.key);
      return {
        endpoint: s.endpoint,
        method: s.method,
        requests: s.n,
        errors: s.errors,
        p95Ms: Math.round(quantile(s.hist, 0.95) * 10) / 10,
        previousP95Ms: b && b.durN > 0 ? Math.round(quantile(b.hist, 0.95) * 10) / 10 : null,
        previousRequests: b?.n ?? 0,
      };
    })
    .sort((a, b) => b.p95Ms - a.p95Ms)
    .slice(0, top);

  const items = anomalies.list({ since: start, until: start + day, limit: 100 }).filter((a) => a.detectedAt >= start);
  return {
    date: new Date(start).toISOString().slice(0, 10),
    from: start,
    to: start + day,
    total,
    byLevel,
    topErrors,
    slowestEndpoints,
    anomalies: { count: anomalies.countDetected(start, start + day), previous: anomalies.countDetected(prev, start), items },
  };
}
