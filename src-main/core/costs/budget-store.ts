import type { BudgetThreshold, CostCategory } from '../../../shared/costs';
import type { Db } from '../db/open';

export interface StoredBudget {
  category: CostCategory;
  amountMinor: number;
  currency: string;
}

/** The cost_budgets and cost_budget_alerts tables (migration 0033). */
export class BudgetStore {
  constructor(private readonly db: Db) {}

  /** Every budget set, or the one of `category`. */
  list(category?: CostCategory): StoredBudget[] {
    const where = category === undefined ? '' : 'WHERE category = ?';
    const rows = this.db.prepare(`SELECT category, amount_minor AS amountMinor, currency FROM cost_budgets ${where} ORDER BY category`);
    return (category === undefined ? rows.all() : rows.all(category)) as StoredBudget[];
  }

  /** 0 removes the budget. */
  set(category: CostCategory, amountMinor: number, currency: string, at: number): void {
    if (amountMinor === 0) this.db.prepare('DELETE FROM cost_budgets WHERE category = ?').run(category);
    else
      this.db
        .prepare('INSERT INTO cost_budgets (category, amount_minor, currency, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (category) DO UPDATE SET amount_minor = excluded.amount_minor, currency = excluded.currency, updated_at = excluded.updated_at')
        .run(category, amountMinor, currency, at);
  }

  /** Records a crossing; true only the first time this category, month and threshold are seen. */
  markCrossed(category: CostCategory, month: string, threshold: BudgetThreshold, at: number): boolean {
    return this.db.prepare('INSERT OR IGNORE INTO cost_budget_alerts (category, month, threshold, at) VALUES (?, ?, ?, ?)').run(category, month, threshold, at).changes > 0;
  }
}
