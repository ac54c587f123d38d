import type { AnomalySeverity } from '../../../../shared/telemetry';
import type { Db } from '../../db/open';
import { endpointCounts, minute } from '../rollup-read';
import { floorTo } from '../row';
import { round, type DetectorConfig, type Finding } from './finding';

/**
 * Multi-window, multi-burn-rate alerts (Google SRE workbook, "Alerting on SLOs"): the burn
 * rate is the 5xx ratio divided by the error budget (1 − SLO). An alert fires only when both
 * a long and a short window burn fast: the long one proves it matters, the short one that it
 * is still happening.
 */
export const burnRules: ReadonlyArray<{ severity: AnomalySeverity; longMin: number; shortMin: number; burn: number; label: string }> = [
  { severity: 'page', longMin: 60, shortMin: 5, burn: 14.4, label: '14.4× over 1 h and 5 min' },
  { severity: 'page', longMin: 360, shortMin: 30, burn: 6, label: '6× over 6 h and 30 min' },
  { severity: 'ticket', longMin: 1440, shortMin: 120, burn: 3, label: '3× over 1 day and 2 h' },
];

const windows: ReadonlyArray<[string, number]> = [
  ['5m', 5],
  ['30m', 30],
  ['1h', 60],
  ['2h', 120],
  ['6h', 360],
  ['1d', 1440],
];

/** Requests in the long window below this are too few to judge. */
export const minRequests = 20;

export function detectBurnRate(db: Db, now: number, config: DetectorConfig): Finding[] {
  // windows end with the current minute, so a burst is seen as it happens
  const end = floorTo(now, minute) + minute;
  const span = 1440;
  const start = end - span * minute;
  const perEndpoint = new Map<string, { n: Float64Array; e: Float64Array }>();
  for (const b of endpointCounts(db, 'minute', start, end, 'founder')) {
    let s = perEndpoint.get(b.key);
    if (!s) perEndpoint.set(b.key, (s = { n: new Float64Array(span), e: new Float64Array(span) }));
    const i = (b.bucket - start) / minute;
    s.n[i]! += b.n;
    s.e[i]! += b.errors;
  }
  const budget = 1 - config.slo;
  const findings: Finding[] = [];
  for (const [key, s] of perEndpoint) {
    const sums = new Map<number, { n: number; e: number }>();
    for (const [, w] of windows) {
      let n = 0;
      let e = 0;
      for (let i = span - w; i < span; i++) {
        n += s.n[i]!;
        e += s.e[i]!;
      }
      sums.set(w, { n, e });
    }
    const burn = (w: number) => {
      const { n, e } = sums.get(w)!;
      return n === 0 ? 0 : e / n / budget;
    };
    const rule = burnRules.find((r) => sums.get(r.longMin)!.n >= minRequests && burn(r.longMin) >= r.burn && burn(r.shortMin) >= r.burn);
    if (!rule) continue;
    const numbers: Finding['numbers'] = { slo: config.slo, errorBudget: round(budget, 6), rule: rule.label, threshold: rule.burn };
    for (const [name, w] of windows) {
      const { n, e } = sums.get(w)!;
      numbers[`burn_${name}`] = round(burn(w), 2);
      numbers[`requests_${name}`] = n;
      numbers[`errors_${name}`] = e;
    }
    const { n, e } = sums.get(rule.longMin)!;
    findings.push({
      kind: 'error_burn_rate',
      severity: rule.severity,
      subject: key,
      summary: `${key}: ${round((e / n) * 100, 2)}% of requests answered 5xx, using up the error budget of the ${config.slo * 100}% availability objective ${round(burn(rule.longMin), 1)}× as fast as it allows (rule: ${rule.label})`,
      windowStart: end - rule.longMin * minute,
      windowEnd: end,
      numbers,
    });
  }
  return findings;
}
