import type { BudgetCrossed } from '../../../shared/contract/costs';
import { categoryLabels } from '../../../shared/costs';
import { formatMinorUnits } from '../../../shared/money';

/**
 * The notice of the rule budget.crossed (a cost category's spend reached 80% or 100% of its
 * monthly budget, core/costs). The key names the category, month and threshold, so each crossing
 * is one notice a month; 100% is critical.
 */
export function budgetNotice(b: BudgetCrossed) {
  return {
    key: `budget.crossed:${b.category}:${b.month}:${b.threshold}`,
    title: `${categoryLabels[b.category]} budget ${b.threshold === 100 ? 'used up' : 'at 80%'} (${b.month})`,
    body: `${formatMinorUnits(b.spentMinor, b.currency)} of ${formatMinorUnits(b.budgetMinor, b.currency)} spent this month.`,
    area: 'costs' as const,
    at: b.at,
    ...(b.threshold === 100 ? { severity: 'critical' as const } : {}),
  };
}
