import type { CostMonth, RecurringCost } from '../../../shared/contract/costs';
import { costCategories, type CostCategory } from '../../../shared/costs';
import type { CostRevenue } from '../cost-revenue-port';
import { monthStartMs, nextMonthStartMs } from './months';
import { monthShare } from './proration';

/** The ai.prices table is in cents of US dollars (docs/ai.md), so AI spend is converted from USD. */
export const aiPriceCurrency = 'usd';

/** Where the figures come from, handed over by createCore. */
export interface CostSources {
  revenue: CostRevenue;
  /** Cents (fractional) the AI calls made in [from, to) cost, priced by ai.prices. */
  aiSpentCents(from: number, to: number): number;
  recurring(): RecurringCost[];
}

/** Converted only when there is something to convert, so a currency with no rate fails only where it is used. */
function converted(revenue: CostRevenue, amount: number, currency: string): number {
  return amount === 0 ? 0 : revenue.convert(amount, currency);
}

/**
 * Each month's costs by category, revenue and margin, in minor units of the report currency.
 * AI: the month's ai_usage cost; Stripe fees: the balance transactions' fees (revenue's own
 * figure); recurring costs: each one's share of the month (proration.ts), converted and rounded
 * per cost. Amounts in a currency with no rate throw the error naming revenue.rates: nothing is
 * added across currencies without one.
 */
export function costMonths(sources: CostSources, months: readonly string[]): CostMonth[] {
  if (months.length === 0) return [];
  const revenue = new Map(sources.revenue.months(months[0]!, months[months.length - 1]!).map((m) => [m.month, m]));
  const recurring = sources.recurring();
  return months.map((month) => {
    const byCategory = Object.fromEntries(costCategories.map((c) => [c, 0])) as Record<CostCategory, number>;
    byCategory.ai = converted(sources.revenue, sources.aiSpentCents(monthStartMs(month), nextMonthStartMs(month)), aiPriceCurrency);
    byCategory['stripe-fees'] = revenue.get(month)?.feesMinor ?? 0;
    for (const cost of recurring) byCategory[cost.category] += converted(sources.revenue, monthShare(cost, month), cost.currency);
    const costsMinor = costCategories.reduce((sum, c) => sum + byCategory[c], 0);
    const revenueMinor = revenue.get(month)?.revenueMinor ?? 0;
    return { month, byCategory, costsMinor, revenueMinor, marginMinor: revenueMinor - costsMinor };
  });
}
