import type { Db } from '../../db/open';
import { quantile } from '../histogram';
import { endpointStats, hour, minute } from '../rollup-read';
import { floorTo } from '../row';
import { round, type DetectorConfig, type Finding } from './finding';

export const slowDefaults = { windowMinutes: 15, minRequests: 20, minBaseline: 50, overBaseline: 1.5 };

/**
 * Slow endpoints: p95 duration over the last 15 minutes above the threshold and at least
 * 1.5× the endpoint's own p95 over the 24 hours before (threshold alone without a baseline).
 */
export function detectSlowEndpoints(db: Db, now: number, config: DetectorConfig, o = slowDefaults): Finding[] {
  const windowEnd = floorTo(now, minute) + minute;
  const windowStart = windowEnd - o.windowMinutes * minute;
  const recent = endpointStats(db, 'minute', windowStart, windowEnd, { whose: 'founder' });
  const slow = [...recent.values()].filter((s) => s.durN >= o.minRequests && quantile(s.hist, 0.95) > config.slowP95Ms);
  if (slow.length === 0) return [];
  const baseEnd = floorTo(windowStart, hour);
  const baseline = endpointStats(db, 'hour', baseEnd - 24 * hour, baseEnd, { whose: 'founder' });

  const findings: Finding[] = [];
  for (const s of slow) {
    const p95 = quantile(s.hist, 0.95);
    const base = baseline.get(s.key);
    const baseP95 = base && base.durN >= o.minBaseline ? quantile(base.hist, 0.95) : null;
    if (baseP95 !== null && p95 < o.overBaseline * baseP95) continue;
    findings.push({
      kind: 'slow_endpoint',
      severity: p95 >= 5 * config.slowP95Ms ? 'ticket' : 'warning',
      subject: s.key,
      summary: `${s.key}: p95 ${Math.round(p95)} ms over ${o.windowMinutes} min (threshold ${config.slowP95Ms} ms${baseP95 !== null ? `, usual ${Math.round(baseP95)} ms` : ', no baseline yet'})`,
      windowStart,
      windowEnd,
      numbers: {
        p95Ms: round(p95, 1),
        baselineP95Ms: baseP95 === null ? null : round(baseP95, 1),
        thresholdMs: config.slowP95Ms,
        overBaseline: o.overBaseline,
        requests: s.durN,
        baselineRequests: base?.durN ?? 0,
        windowMinutes: o.windowMinutes,
      },
    });
  }
  return findings;
}
