import type { Db } from '../../db/open';
import { fingerprintCounts, firstBucket, hour, minute } from '../rollup-read';
import { floorTo } from '../row';
import { round, type Finding } from './finding';

export const repeatedDefaults = { windowMinutes: 15, factor: 5, minCount: 20, minHistoryMinutes: 60 };

/**
 * Repeated messages: a warn/error/fatal fingerprint seen far more often in the last 15
 * minutes than its rate over the 24 hours before (at least `factor`× and `minCount` times).
 */
export function detectRepeated(db: Db, now: number, o = repeatedDefaults): Finding[] {
  const windowEnd = floorTo(now, minute) + minute;
  const windowStart = windowEnd - o.windowMinutes * minute;
  const baseEnd = floorTo(windowStart, hour);
  const first = firstBucket(db, 'hour', 'founder');
  if (first === undefined) return [];
  const baseStart = Math.max(baseEnd - 24 * hour, first);
  const baselineMinutes = (baseEnd - baseStart) / minute;
  if (baselineMinutes < o.minHistoryMinutes) return [];

  const recent = fingerprintCounts(db, 'minute', windowStart, windowEnd, 'founder');
  const candidates = [...recent].filter(([, n]) => n >= o.minCount);
  if (candidates.length === 0) return [];
  const baseline = fingerprintCounts(db, 'hour', baseStart, baseEnd, 'founder');
  const groupInfo = db.prepare("SELECT level, sample FROM telemetry_groups WHERE fingerprint = ? AND level IN ('warn', 'error', 'fatal')");

  const findings: Finding[] = [];
  for (const [fingerprint, count] of candidates) {
    const info = groupInfo.get(fingerprint) as { level: string; sample: string } | undefined;
    if (!info) continue;
    const baseCount = baseline.get(fingerprint) ?? 0;
    const expected = (baseCount / baselineMinutes) * o.windowMinutes;
    const ratio = count / Math.max(expected, 1);
    if (ratio < o.factor) continue;
    findings.push({
      kind: 'repeated_message',
      severity: ratio >= 20 && (info.level === 'error' || info.level === 'fatal') ? 'ticket' : 'warning',
      subject: fingerprint,
      summary: `"${info.sample.slice(0, 120)}" (${info.level}) logged ${count} times in ${o.windowMinutes} min, ${round(ratio, 1)}× its usual rate`,
      windowStart,
      windowEnd,
      numbers: {
        count,
        expected: round(expected),
        ratio: round(ratio),
        baselineCount: baseCount,
        baselineMinutes,
        windowMinutes: o.windowMinutes,
        factor: o.factor,
        minCount: o.minCount,
        level: info.level,
        // the anomaly's title: a repeated message is named by its text, not its fingerprint
        message: info.sample.slice(0, 200),
      },
    });
  }
  return findings;
}
