import type Database from 'better-sqlite3';
import type { Db } from '../../db/open';
import { objectKinds, type ObjectKind } from './kinds';
import type { StripeJson } from './json';
import { objectRows, type ObjectRows, type Value } from './object-rows';

export interface StoredChange {
  written: boolean;
  /** The status stored before (subscriptions), to see a cancellation. */
  previousStatus: string | null | undefined;
}

/**
 * Upserts of Stripe objects by id, each guarded by `state_at`: a state older than the stored one
 * changes nothing (a late webhook, an events page behind a full pass). A parent carries its
 * children: a subscription its items and expanded discounts, an invoice its lines and discounts.
 */
export class ObjectStore {
  private readonly upserts = new Map<string, Database.Statement>();
  private readonly statusOf: Database.Statement;
  private readonly s;

  constructor(readonly db: Db) {
    for (const kind of Object.values(objectKinds)) this.upserts.set(kind.object, db.prepare(upsertSql(kind)));
    this.statusOf = db.prepare('SELECT status FROM stripe_subscriptions WHERE id = ?').pluck();
    this.s = {
      clearItems: db.prepare('DELETE FROM stripe_subscription_items WHERE subscription_id = ?'),
      item: db.prepare('INSERT OR REPLACE INTO stripe_subscription_items (id, subscription_id, price, quantity, created, data) VALUES (?, ?, ?, ?, ?, ?)'),
      clearLines: db.prepare('DELETE FROM stripe_invoice_lines WHERE invoice_id = ?'),
      line: db.prepare('INSERT OR REPLACE INTO stripe_invoice_lines (id, invoice_id, amount, currency, subscription, price, quantity, period_start, period_end, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      discount: db.prepare(
        `INSERT INTO stripe_discounts (id, livemode, customer, subscription, invoice, coupon, start, "end", state_at, deleted, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET livemode = excluded.livemode, customer = excluded.customer, subscription = excluded.subscription, invoice = excluded.invoice,
           coupon = excluded.coupon, start = excluded.start, "end" = excluded."end", state_at = excluded.state_at, deleted = excluded.deleted, data = excluded.data
         WHERE excluded.state_at >= stripe_discounts.state_at`,
      ),
    };
  }

  /** Whether objects of this `object` name are kept. */
  keeps(object: string): boolean {
    return this.upserts.has(object) || object === 'discount';
  }

  /** Stores `o` as it was at `stateAt` (epoch seconds); `deleted` for a deleted customer, product, price, coupon or discount. */
  put(o: StripeJson, stateAt: number, deleted = false, moreLines?: ReadonlyMap<string, StripeJson[]>): StoredChange {
    const rows = objectRows(o, stateAt, deleted, moreLines);
    return rows ? this.write(rows) : { written: false, previousStatus: undefined };
  }

  /** Stores rows worked out by `objectRows`; the parent's children only when the parent was written. */
  write(rows: ObjectRows): StoredChange {
    if (rows.object === 'discount') return { written: this.s.discount.run(...rows.values).changes > 0, previousStatus: undefined };
    const upsert = this.upserts.get(rows.object);
    if (!upsert) return { written: false, previousStatus: undefined };
    const previousStatus = rows.object === 'subscription' ? ((this.statusOf.get(rows.id) as string | null | undefined) ?? undefined) : undefined;
    const written = upsert.run(...rows.values).changes > 0;
    if (!written) return { written, previousStatus };
    if (rows.items) this.replaceChildren(this.s.clearItems, this.s.item, rows.id, rows.items);
    if (rows.lines) this.replaceChildren(this.s.clearLines, this.s.line, rows.id, rows.lines);
    for (const d of rows.discounts) this.s.discount.run(...d);
    return { written, previousStatus };
  }

  private replaceChildren(clear: Database.Statement, insert: Database.Statement, parent: string, children: Value[][]): void {
    clear.run(parent);
    for (const child of children) insert.run(...child);
  }
}

function upsertSql(kind: ObjectKind): string {
  // the order of objectRows' values (object-rows.ts)
  const columns = ['id', 'livemode', 'created', 'state_at', 'deleted', 'data', ...Object.keys(kind.columns({}))];
  const updates = columns.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
  return `INSERT INTO ${kind.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
    ON CONFLICT(id) DO UPDATE SET ${updates.join(', ')} WHERE excluded.state_at >= ${kind.table}.state_at`;
}
