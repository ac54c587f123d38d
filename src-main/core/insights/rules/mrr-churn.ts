import { defineInsightRule, evidence, money, percent } from '../rule-kit';

/** Gross MRR churn above this share of the month's starting MRR is a finding. */
export const churnThreshold = 0.05;

/**
 * MRR churn above 5%: this month's gross MRR churn rate (churned MRR ÷ MRR at the month's
 * start, from revenue.metrics) is above 0.05. The churned customers are listed in the evidence;
 * the action drafts a (disabled) win-back workflow that reminds the founder to write to them.
 */
export const mrrChurnRule = defineInsightRule({
  id: 'mrr-churn',
  area: 'revenue',
  evaluate: ({ sources }) => {
    const churn = sources.revenue.churn();
    if (!churn || churn.grossMrrChurnRate === null || churn.grossMrrChurnRate <= churnThreshold) return [];
    const churned = sources.revenue.churnedCustomers();
    const who = churned.map((c) => c.email ?? c.name ?? c.id);
    return [
      {
        id: `mrr-churn:${churn.month}`,
        severity: churn.grossMrrChurnRate > 2 * churnThreshold ? 'critical' : 'warning',
        finding: `MRR churn is ${percent(churn.grossMrrChurnRate)} in ${churn.month} (above ${percent(churnThreshold)}): ${who.length} customer${who.length === 1 ? '' : 's'} churned${who.length ? `: ${who.slice(0, 10).join(', ')}` : ''}`,
        evidence: [
          evidence('revenue.metrics', 'gross MRR churn rate', churn.grossMrrChurnRate),
          evidence('revenue.movements', 'churned MRR', money(churn.churn, churn.currency)),
          evidence('revenue.movements', 'MRR at the start of the month', money(churn.mrrStart, churn.currency)),
          ...churned.map((c) => evidence('revenue.customers', `churned: ${c.email ?? c.name ?? c.id}`, money(c.mrrLost, churn.currency))),
        ],
        impact: `${money(churn.churn, churn.currency)} of monthly revenue lost this month`,
        suggestedAction: {
          kind: 'workflow-draft',
          label: 'Draft a win-back workflow',
          workflow: {
            name: `Win back customers churned in ${churn.month}`,
            description: 'Drafted from an insight: reminds you to write to each churned customer. Review and enable it yourself.',
            trigger: { type: 'manual' },
            nodes: [{ id: 'remind', type: 'notify.founder', params: { title: 'Write to churned customers', body: who.join('\n'), level: 'warning' } }],
            edges: [],
          },
        },
        class: 'A',
      },
    ];
  },
});
