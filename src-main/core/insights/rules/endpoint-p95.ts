import { defineInsightRule, evidence, openArea, week } from '../rule-kit';

/** This week's p95 at least this many times last week's is a finding. */
export const p95Factor = 2;
/** Fewer requests than this in either week say too little to compare. */
export const minRequests = 20;

/**
 * An endpoint whose p95 doubled week over week: the last 7 days' p95 (telemetry day rollups)
 * is at least twice the 7 days before, with at least 20 requests in each week.
 */
export const endpointP95Rule = defineInsightRule({
  id: 'endpoint-p95',
  area: 'ux',
  evaluate: ({ sources, now }) => {
    const before = new Map(sources.endpointLatency(now - 2 * week, now - week).map((e) => [`${e.method} ${e.endpoint}`, e]));
    return sources
      .endpointLatency(now - week, now)
      .flatMap((e) => {
        const key = `${e.method} ${e.endpoint}`;
        const b = before.get(key);
        if (!b || e.requests < minRequests || b.requests < minRequests || b.p95Ms <= 0 || e.p95Ms < p95Factor * b.p95Ms) return [];
        const factor = Math.round((e.p95Ms / b.p95Ms) * 10) / 10;
        return [
          {
            id: `endpoint-p95:${key}`,
            severity: factor >= 2 * p95Factor ? 'critical' : 'warning',
            finding: `${key} got ${factor}× slower week over week: p95 ${e.p95Ms} ms (was ${b.p95Ms} ms)`,
            evidence: [
              evidence('telemetry rollups', 'p95 this week (ms)', e.p95Ms),
              evidence('telemetry rollups', 'p95 last week (ms)', b.p95Ms),
              evidence('telemetry rollups', 'requests this week', e.requests),
              evidence('telemetry rollups', 'requests last week', b.requests),
            ],
            impact: `${e.requests} requests this week waited longer; slow pages lose visitors`,
            suggestedAction: openArea('telemetry', 'Open Telemetry'),
            class: 'A',
          } as const,
        ];
      });
  },
});
