import type { BudgetCrossed } from '../../../shared/contract/costs';
import { categoryLabels } from '../../../shared/costs';
import { formatMinorUnits } from '../../../shared/money';
import type { RuleDef } from './rules';

/**
 * A cost category's spend reached 80% or 100% of its monthly budget (core/costs). The key names
 * the category, month and threshold, so each crossing is one notice a month; 100% is critical.
 */
export const budgetCrossedRule = {
  id: 'budget.crossed',
  label: 'Budget reached',
  event: 'budget.crossed',
  about: 'a cost category’s spend this month reached 80% or 100% of its budget',
  fields: { category: (b: BudgetCrossed) => b.category, threshold: (b: BudgetCrossed) => String(b.threshold) },
  channels: ['os'],
  severity: 'warning',
  notice: (b: BudgetCrossed) => ({
    key: `budget.crossed:${b.category}:${b.month}:${b.threshold}`,
    title: `${categoryLabels[b.category]} budget ${b.threshold === 100 ? 'used up' : 'at 80%'} (${b.month})`,
    body: `${formatMinorUnits(b.spentMinor, b.currency)} of ${formatMinorUnits(b.budgetMinor, b.currency)} spent this month.`,
    area: 'costs',
    at: b.at,
    ...(b.threshold === 100 ? { severity: 'critical' as const } : {}),
  }),
} satisfies RuleDef<'budget.crossed'> as unknown as RuleDef;
