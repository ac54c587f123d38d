import type { BudgetLine, BudgetsView, CostMonth, CostReport, RecurringCost, RecurringCostFields } from '../../../shared/contract/costs';
import type { AiFeature } from '../../../shared/ai-settings';
import { budgetThresholds, costCategories, type CostCategory } from '../../../shared/costs';
import { formatMinorUnits } from '../../../shared/money';
import type { BackgroundTask } from '../background';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { badInput, CoreError } from '../errors';
import type { EventBus } from '../event-bus';
import { uuidv7 } from '../ids';
import type { Logger } from '../logger';
import { every } from '../periodic';
import { BudgetStore } from './budget-store';
import { RecurringCostStore } from './cost-store';
import { aiPriceCurrency, costMonths, type CostSources } from './month-costs';
import { monthKeyOf, monthsEnding, monthStartMs, nextMonthStartMs } from './months';

export interface CostDeps {
  db: Db;
  clock: Clock;
  events: EventBus;
  log: Logger;
  sources: Omit<CostSources, 'recurring'>;
}

/** How often the background task looks at the month's spend against the budgets. */
const budgetCheckMs = 5 * 60_000;

/**
 * The cost autopilot: costs from AI usage, Stripe fees and the founder's recurring costs;
 * budgets per category alerted at 80% and 100% once a month (event budget.crossed); and the
 * AI budget's answer to the model layer's stop (docs/costs.md).
 */
export class CostService {
  private readonly costs: RecurringCostStore;
  private readonly budgets: BudgetStore;
  private readonly sources: CostSources;

  constructor(private readonly deps: CostDeps) {
    this.costs = new RecurringCostStore(deps.db);
    this.budgets = new BudgetStore(deps.db);
    this.sources = { ...deps.sources, recurring: () => this.costs.list() };
  }

  /** The month's (default this month's) costs beside budgets, revenue and margin, and the `months` months up to it. */
  report(input: { month?: string | undefined; months: number }): CostReport {
    const now = this.deps.clock.now();
    const month = input.month ?? monthKeyOf(now);
    if (month > monthKeyOf(now)) throw badInput('month', `must not be after this month (${monthKeyOf(now)})`);
    const months = costMonths(this.sources, monthsEnding(month, input.months));
    const last = months[months.length - 1]!;
    return {
      currency: this.deps.sources.revenue.currency(),
      month,
      categories: this.lines(last),
      costsMinor: last.costsMinor,
      revenueMinor: last.revenueMinor,
      marginMinor: last.marginMinor,
      revenueNote: this.deps.sources.revenue.note(),
      months,
    };
  }

  list(): { costs: RecurringCost[] } {
    return { costs: this.costs.list() };
  }

  add(fields: RecurringCostFields): RecurringCost {
    this.refuseUnconvertible(fields.currency);
    const id = uuidv7(this.deps.clock.now());
    this.costs.insert(id, fields, this.deps.clock.now());
    this.checkBudgetsAfterChange();
    return this.costs.get(id)!;
  }

  update(id: string, fields: RecurringCostFields): RecurringCost {
    this.refuseUnconvertible(fields.currency);
    if (!this.costs.update(id, fields, this.deps.clock.now())) throw notFound(id);
    this.checkBudgetsAfterChange();
    return this.costs.get(id)!;
  }

  remove(id: string): { removed: true } {
    if (!this.costs.remove(id)) throw notFound(id);
    return { removed: true };
  }

  budgetsView(): BudgetsView {
    const month = monthKeyOf(this.deps.clock.now());
    const [figures] = costMonths(this.sources, [month]);
    return { currency: this.deps.sources.revenue.currency(), month, budgets: this.lines(figures!) };
  }

  /** A category's monthly budget in minor units of the report currency; 0 removes it. */
  setBudget(category: CostCategory, amountMinor: number): BudgetsView {
    const month = monthKeyOf(this.deps.clock.now());
    // worked out first, so a figure that cannot be (a missing rate) refuses the change before it is saved
    const [figures] = costMonths(this.sources, [month]);
    const currency = this.deps.sources.revenue.currency();
    this.budgets.set(category, amountMinor, currency, this.deps.clock.now());
    this.checkBudgetsAfterChange();
    return { currency, month, budgets: this.lines(figures!) };
  }

  /** Emits budget.crossed for each threshold this month's spend reached that was not alerted this month yet. */
  checkBudgets(): void {
    const month = monthKeyOf(this.deps.clock.now());
    const [figures] = costMonths(this.sources, [month]);
    for (const line of this.lines(figures!)) this.alertCrossings(month, line);
  }

  /**
   * The model layer's question for a non-essential feature: a refusal naming the AI budget once
   * this month's AI spend has reached it, else undefined. A crossing it finds is alerted at once.
   */
  aiBudgetRefusal(feature: AiFeature): string | undefined {
    const [budget] = this.budgets.list('ai');
    if (!budget) return undefined;
    const month = monthKeyOf(this.deps.clock.now());
    const { revenue } = this.deps.sources;
    const cents = this.deps.sources.aiSpentCents(monthStartMs(month), nextMonthStartMs(month));
    const spentMinor = cents === 0 ? 0 : revenue.convert(cents, aiPriceCurrency);
    const budgetMinor = revenue.convert(budget.amountMinor, budget.currency);
    const line = { category: 'ai' as const, budgetMinor, spentMinor, usedRatio: spentMinor / budgetMinor };
    this.alertCrossings(month, line);
    if (spentMinor < budgetMinor) return undefined;
    const money = (v: number) => formatMinorUnits(v, revenue.currency());
    return (
      `The AI budget for this month is used up: ${money(spentMinor)} of ${money(budgetMinor)} spent (budget ai; change it in Costs or with levqor budgets set ai AMOUNT). ` +
      `${feature} is paused until next month; chat, workflow, explain and onboarding still answer.`
    );
  }

  /** Looks at the budgets every few minutes (AI calls, Stripe fees and the month turning all move the spend). */
  backgroundTask(): BackgroundTask {
    return every('costs.budgets', () => budgetCheckMs, () => this.checkBudgets(), this.deps.log, 10_000);
  }

  /**
   * A change is saved whatever the budgets' check finds: a figure that cannot be worked out now
   * (a missing rate) must not turn a saved change into an error; the report says why, and the
   * background task tries again.
   */
  private checkBudgetsAfterChange(): void {
    try {
      this.checkBudgets();
    } catch (err) {
      this.deps.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'budgets not checked');
    }
  }

  private lines(figures: CostMonth): BudgetLine[] {
    const stored = new Map(this.budgets.list().map((b) => [b.category, b]));
    return costCategories.map((category) => {
      const b = stored.get(category);
      const spentMinor = figures.byCategory[category];
      const budgetMinor = b ? this.deps.sources.revenue.convert(b.amountMinor, b.currency) : null;
      return { category, budgetMinor, spentMinor, usedRatio: budgetMinor ? spentMinor / budgetMinor : null };
    });
  }

  private alertCrossings(month: string, line: BudgetLine): void {
    if (!line.budgetMinor) return;
    const at = this.deps.clock.now();
    for (const threshold of budgetThresholds) {
      if (line.spentMinor * 100 < line.budgetMinor * threshold) continue;
      if (!this.budgets.markCrossed(line.category, month, threshold, at)) continue;
      this.deps.events.emit('budget.crossed', { category: line.category, threshold, month, spentMinor: line.spentMinor, budgetMinor: line.budgetMinor, currency: this.deps.sources.revenue.currency(), at });
    }
  }

  private refuseUnconvertible(currency: string): void {
    const missing = this.deps.sources.revenue.missingRate(currency);
    if (missing) throw new CoreError('BAD_INPUT', `currency: ${currency.toUpperCase()} cannot be counted in the report currency yet. ${missing}`, 'currency');
  }
}

function notFound(id: string): CoreError {
  return new CoreError('NOT_FOUND', `id: no recurring cost has the id ${id}`, 'id');
}
