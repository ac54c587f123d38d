import type Database from 'better-sqlite3';
import type { Db } from '../../db/open';
import { noErasures, type ErasedOwner, type ErasedSnapshot, type ErasedSubjects } from '../../erased-subjects-port';
import { objectKinds, type ObjectKind } from './kinds';
import { flag, listData, num, obj, ref, str, type StripeJson } from './json';

export interface StoredChange {
  written: boolean;
  /** The status stored before (subscriptions), to see a cancellation. */
  previousStatus: string | null | undefined;
  /** Set when the object is an erased person's: it was stored anonymised (or, for a customer, not at all). */
  erased?: ErasedOwner;
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
  private erasedSource: ErasedSubjects | undefined;
  private erasures: ErasedSnapshot = noErasures;

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

  /** Where the erased people are read from (compliance's ledger, handed over once the core is made). */
  consultErasures(source: ErasedSubjects): void {
    this.erasedSource = source;
  }

  /** Reads the ledger again: once per page, chunk of events or webhook, so each object is then a set lookup. */
  loadErasures(): void {
    this.erasures = this.erasedSource?.snapshot() ?? noErasures;
  }

  /** The erased person `o` belongs to, as of the last loadErasures. */
  erasedOwner(o: StripeJson): ErasedOwner | undefined {
    return this.erasures.ownerOf(o);
  }

  /** `o` and its text as they may be stored and passed on: an erased person's anonymised, its text (as sent) dropped. */
  admit(o: StripeJson, text?: string | null): { o: StripeJson; text: string | null | undefined; owner: ErasedOwner | null } {
    const owner = this.erasedOwner(o);
    return owner ? { o: owner.anonymise(o), text: null, owner } : { o, text, owner: null };
  }

  /** Whether objects of this `object` name are kept. */
  keeps(object: string): boolean {
    return this.upserts.has(object) || object === 'discount';
  }

  /**
   * Stores `o` as it was at `stateAt` (epoch seconds); `deleted` for a deleted customer, product,
   * price, coupon or discount. `text`: `o` as Stripe sent it, when the caller has it (a page's
   * slice), stored as its `data` instead of serialising `o` again. An erased person's object is
   * stored as the data map's rule for its table says (never as sent): anonymised, or not at all;
   * `owner`: that person (or null for nobody), when the caller asked before, as `admit` does.
   */
  put(sent: StripeJson, stateAt: number, deleted = false, sentLines?: ReadonlyMap<string, StripeJson[]>, sentText?: string | null, owner?: ErasedOwner | null): StoredChange {
    // null: the caller asked already and nobody erased owns it (one set lookup per object, not two)
    const erased = owner === undefined ? this.erasedOwner(sent) : (owner ?? undefined);
    // anonymising is idempotent: an object the caller anonymised already comes out the same
    const o = erased ? erased.anonymise(sent) : sent;
    const text = erased ? null : sentText;
    const moreLines = erased && sentLines ? anonymisedLines(erased, str(o, 'id') ?? '', sentLines) : sentLines;
    const object = str(o, 'object') ?? '';
    if (object === 'discount') return { written: this.putDiscount(o, stateAt, deleted), previousStatus: undefined, ...(erased ? { erased } : {}) };
    const kind = objectKinds[object];
    const upsert = this.upserts.get(object);
    if (!kind || !upsert || erased?.rule(kind.table) === 'delete') return { written: false, previousStatus: undefined, ...(erased ? { erased } : {}) };
    const id = str(o, 'id')!;
    const previousStatus = object === 'subscription' ? ((this.statusOf.get(id) as string | null | undefined) ?? undefined) : undefined;
    const data = text ?? JSON.stringify(o);
    // positional values in upsertSql's column order: binding by name costs more per row
    const written = upsert.run(id, o.livemode === true ? 1 : 0, num(o, 'created'), stateAt, deleted || o.deleted === true ? 1 : 0, data, ...Object.values(kind.columns(o))).changes > 0;
    if (written && object === 'subscription') this.putItems(id, o);
    if (written && object === 'invoice') this.putLines(id, listData(o, 'lines'), moreLines?.get(id) ?? []);
    if (written) for (const d of expandedDiscounts(o)) this.putDiscount(d, stateAt, false);
    return { written, previousStatus, ...(erased ? { erased } : {}) };
  }

  /** An item's JSON is in its subscription's `data` (items.data): its row holds the columns only, '' for `data`, so its bytes are not written twice. */
  private putItems(subscription: string, o: StripeJson): void {
    this.s.clearItems.run(subscription);
    for (const item of listData(o, 'items')) {
      this.s.item.run(str(item, 'id'), subscription, ref(item, 'price'), num(item, 'quantity'), num(item, 'created'), '');
    }
  }

  /**
   * `embedded`: the lines in the invoice's own `data` (lines.data), whose rows hold the columns
   * only ('' for `data`: an invoice's lines are most of its bytes, and a full sync's cost is
   * mostly bytes written); `more`: those beyond the 10 Stripe embeds (invoice-lines.ts), kept whole.
   */
  private putLines(invoice: string, embedded: StripeJson[], more: StripeJson[]): void {
    this.s.clearLines.run(invoice);
    this.insertLines(invoice, embedded, false);
    this.insertLines(invoice, more, true);
  }

  /** Lines beyond those its `data` embeds, added to a stored invoice (the rest of a webhook's invoice: webhook-lines.ts). */
  addLines(invoice: string, lines: StripeJson[]): void {
    this.insertLines(invoice, lines, true);
  }

  private insertLines(invoice: string, lines: StripeJson[], whole: boolean): void {
    for (const line of lines) {
      const parent = obj(line, 'parent');
      const subscription = str(obj(parent, 'subscription_item_details'), 'subscription') ?? str(obj(parent, 'invoice_item_details'), 'subscription');
      const period = obj(line, 'period');
      const price = str(obj(obj(line, 'pricing'), 'price_details'), 'price');
      this.s.line.run(str(line, 'id'), invoice, num(line, 'amount'), str(line, 'currency'), subscription, price, num(line, 'quantity'), num(period, 'start'), num(period, 'end'), whole ? JSON.stringify(line) : '');
    }
  }

  private putDiscount(d: StripeJson, stateAt: number, deleted: boolean): boolean {
    const coupon = ref(obj(d, 'source'), 'coupon');
    return (
      this.s.discount.run(str(d, 'id'), flag(d, 'livemode') ?? 0, ref(d, 'customer'), str(d, 'subscription'), str(d, 'invoice'), coupon, num(d, 'start'), num(d, 'end'), stateAt, deleted || d.deleted === true ? 1 : 0, JSON.stringify(d)).changes > 0
    );
  }
}

/** The lines beyond the embedded 10 of one erased person's invoice, anonymised (the others of its page left alone). */
function anonymisedLines(owner: ErasedOwner, invoice: string, lines: ReadonlyMap<string, StripeJson[]>): ReadonlyMap<string, StripeJson[]> {
  const own = lines.get(invoice);
  return own ? new Map([[invoice, owner.anonymise(own)]]) : lines;
}

/** Discounts Stripe sent expanded (`expand[]=data.discounts`); ids alone stay in the parent's data. */
function expandedDiscounts(o: StripeJson): StripeJson[] {
  const list = Array.isArray(o.discounts) ? o.discounts : [];
  return list.filter((d): d is StripeJson => !!d && typeof d === 'object' && (d as StripeJson).object === 'discount');
}

function upsertSql(kind: ObjectKind): string {
  const columns = ['id', 'livemode', 'created', 'state_at', 'deleted', 'data', ...Object.keys(kind.columns({}))];
  const updates = columns.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
  return `INSERT INTO ${kind.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
    ON CONFLICT(id) DO UPDATE SET ${updates.join(', ')} WHERE excluded.state_at >= ${kind.table}.state_at`;
}
