import { day, defineInsightRule, evidence, openArea, span } from '../rule-kit';

/** A DFY request paid longer ago than this and still not in progress is a finding. */
export const waitThreshold = 2 * day;

/**
 * DFY requests paid but not started: requests in the stage `paid` for more than two days
 * (the pipeline's stage times). One insight lists them all.
 */
export const dfyNotStartedRule = defineInsightRule({
  id: 'dfy-not-started',
  area: 'growth',
  evaluate: ({ sources, now }) => {
    const waiting = sources.paidDfyRequests().filter((r) => now - r.paidAt > waitThreshold);
    if (waiting.length === 0) return [];
    const oldest = Math.min(...waiting.map((r) => r.paidAt));
    return [
      {
        id: 'dfy-not-started:paid',
        severity: 'warning',
        finding: `${waiting.length} paid DFY request${waiting.length === 1 ? '' : 's'} not started; the oldest was paid ${span(now - oldest)} ago`,
        evidence: waiting.map((r) => evidence('pipeline.list (dfy, stage paid)', r.name ?? r.id, new Date(r.paidAt).toISOString())),
        impact: 'customers who paid are waiting; refunds and bad reviews follow',
        suggestedAction: openArea('revenue', 'Open the DFY pipeline'),
        class: 'A',
      },
    ];
  },
});
