import { day, defineInsightRule, evidence, openArea, percent } from '../rule-kit';

/** A workflow failing at least this share of its finished runs is a finding. */
export const failureThreshold = 0.3;
/** Fewer finished runs than this in the window say too little. */
export const minRuns = 5;
/** The window read: the last 7 days. */
export const windowMs = 7 * day;

/**
 * A workflow failing 30% of runs: of its runs finished in the last 7 days (at least 5), 30% or
 * more failed (workflow analytics). The action opens the workflow's runs.
 */
export const failingWorkflowRule = defineInsightRule({
  id: 'failing-workflow',
  area: 'reliability',
  evaluate: ({ sources, now }) =>
    sources.workflows().flatMap((w) => {
      if (!w.lastRun || w.lastRun.at < now - windowMs) return [];
      const { finished, failed } = sources.runCounts(w.id, now - windowMs);
      if (finished < minRuns || failed / finished < failureThreshold) return [];
      const rate = failed / finished;
      return [
        {
          id: `failing-workflow:${w.id}`,
          severity: rate >= 0.5 ? 'critical' : 'warning',
          finding: `Workflow "${w.name}" failed ${failed} of its last ${finished} runs (${percent(rate)}) this week`,
          evidence: [
            evidence('workflows.stats', 'failed runs (7 days)', failed),
            evidence('workflows.stats', 'finished runs (7 days)', finished),
            evidence('workflows.list', 'success rate (30 days)', w.successRate ?? 'none finished'),
          ],
          impact: `${percent(rate)} of what "${w.name}" should do is not done`,
          suggestedAction: openArea('workflows', 'Open the workflow’s runs'),
          class: 'A',
        } as const,
      ];
    }),
});
