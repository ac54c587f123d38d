import { defineInsightRule, evidence, money, openArea, week } from '../rule-kit';

/**
 * Failed payments this week: one or more Stripe charges failed in the last 7 days (the synced
 * charges). The amounts are given per currency, never added across currencies.
 */
export const failedPaymentsRule = defineInsightRule({
  id: 'failed-payments',
  area: 'revenue',
  evaluate: ({ sources, now }) => {
    const f = sources.revenue.failedPayments(now - week);
    if (f.count === 0) return [];
    const amounts = Object.entries(f.byCurrency).map(([c, minor]) => money(minor, c));
    return [
      {
        id: 'failed-payments:week',
        severity: f.count >= 3 ? 'critical' : 'warning',
        finding: `${f.count} payment${f.count === 1 ? '' : 's'} failed this week (${amounts.join(', ')})`,
        evidence: [
          evidence('revenue facts (Stripe charges)', 'failed charges (7 days)', f.count),
          ...amounts.map((a) => evidence('revenue facts (Stripe charges)', 'amount failed', a)),
          ...f.chargeIds.map((id) => evidence('revenue facts (Stripe charges)', 'charge', id)),
        ],
        impact: `${amounts.join(', ')} not collected unless the customers retry`,
        suggestedAction: openArea('revenue', 'Open Revenue'),
        class: 'A',
      },
    ];
  },
});
