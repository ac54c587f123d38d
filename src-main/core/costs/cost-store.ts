import type { RecurringCost, RecurringCostFields } from '../../../shared/contract/costs';
import type { Db } from '../db/open';

const columns = `id, name, category, amount_minor AS amountMinor, currency, cycle, start_date AS startDate, end_date AS endDate, created_at AS createdAt, updated_at AS updatedAt`;

/** The recurring_costs table (migration 0033): what the founder pays for besides AI and Stripe. */
export class RecurringCostStore {
  constructor(private readonly db: Db) {}

  list(): RecurringCost[] {
    return this.db.prepare(`SELECT ${columns} FROM recurring_costs ORDER BY start_date, name, id`).all() as RecurringCost[];
  }

  get(id: string): RecurringCost | undefined {
    return this.db.prepare(`SELECT ${columns} FROM recurring_costs WHERE id = ?`).get(id) as RecurringCost | undefined;
  }

  insert(id: string, fields: RecurringCostFields, at: number): void {
    this.db
      .prepare('INSERT INTO recurring_costs (id, name, category, amount_minor, currency, cycle, start_date, end_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, fields.name, fields.category, fields.amountMinor, fields.currency.toLowerCase(), fields.cycle, fields.startDate, fields.endDate ?? null, at, at);
  }

  /** False when no cost has that id. */
  update(id: string, fields: RecurringCostFields, at: number): boolean {
    const info = this.db
      .prepare('UPDATE recurring_costs SET name = ?, category = ?, amount_minor = ?, currency = ?, cycle = ?, start_date = ?, end_date = ?, updated_at = ? WHERE id = ?')
      .run(fields.name, fields.category, fields.amountMinor, fields.currency.toLowerCase(), fields.cycle, fields.startDate, fields.endDate ?? null, at, id);
    return info.changes > 0;
  }

  remove(id: string): boolean {
    return this.db.prepare('DELETE FROM recurring_costs WHERE id = ?').run(id).changes > 0;
  }
}
