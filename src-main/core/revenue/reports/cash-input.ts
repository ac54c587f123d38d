import type { Db } from '../../db/open';
import { monthIndexOf, monthStart, normaliseCurrency, type CurrencyCode, type StripeBalanceTransaction, type StripeCharge, type StripeInvoice, type StripeRefund } from '../metrics';

/** The instants whose cash counts, epoch seconds [from, until), and the report's currency. */
export interface CashWindow {
  from: number;
  until: number;
  currency: CurrencyCode;
}

/** The window of the `months` months ending with the month of `asOf`, in `currency`. */
export function cashWindow(asOf: number, months: number, currency: CurrencyCode): CashWindow {
  const last = monthIndexOf(asOf);
  return { from: monthStart(last - months + 1), until: monthStart(last + 1), currency: normaliseCurrency(currency) };
}

/** One table's rows that count for a cash figure (cash.ts), as the columns the definition reads. */
interface CashSource {
  table: string;
  /** which rows count, besides not being deleted */
  where: string;
  /** the instant a row counts at, read by the metrics as `created` */
  at: string;
  /** text columns the definition tells rows apart by (status, type) */
  keys: readonly string[];
  /** amounts, in minor units of the row's currency */
  amounts: readonly string[];
}

const sources = {
  invoices: { table: 'stripe_invoices', where: "status = 'paid' AND subscription IS NULL", at: 'coalesce(paid_at, created)', keys: ['status'], amounts: ['amount_paid'] },
  charges: { table: 'stripe_charges', where: "status = 'succeeded' AND invoice IS NULL", at: 'created', keys: ['status'], amounts: ['amount'] },
  refunds: { table: 'stripe_refunds', where: 'TRUE', at: 'created', keys: ['status'], amounts: ['amount'] },
  balanceTransactions: { table: 'stripe_balance_transactions', where: 'TRUE', at: 'created', keys: ['type'], amounts: ['amount', 'fee', 'net'] },
} satisfies Record<string, CashSource>;

const day = 86_400;

/**
 * Rows in the report's currency summed per UTC day and per key in SQL: every cash figure is a
 * sum per month of amounts converted one by one, and a month is whole days, so a day's sum in
 * the report's currency (converted ×1, no rounding) counts exactly as its rows would. Rows in
 * another currency come one by one, as conversion rounds each amount. `id` is the day's for a sum.
 */
function sql(s: CashSource, summed: boolean): string {
  const columns = summed
    ? [`'day'`, 'currency', `(${s.at}) / ${day} * ${day}`, ...s.keys, ...s.amounts.map((a) => `sum(${a})`)]
    : ['id', 'currency', s.at, ...s.keys, ...s.amounts];
  const where = `deleted = 0 AND (${s.where}) AND ${s.at} >= ? AND ${s.at} < ? AND currency ${summed ? '=' : 'IS NOT'} ?`;
  return `SELECT ${columns.join(', ')} FROM ${s.table} WHERE ${where}${summed ? ` GROUP BY 3${s.keys.map((_, i) => `, ${4 + i}`).join('')}` : ''}`;
}

function read<T>(db: Db, s: CashSource, w: CashWindow): T[] {
  const names = ['id', 'currency', 'created', ...s.keys, ...s.amounts];
  const out: T[] = [];
  for (const summed of [true, false]) {
    for (const row of db.prepare(sql(s, summed)).raw().all(w.from, w.until, w.currency) as unknown[][]) {
      const o: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) o[names[i]!] = row[i];
      out.push(o as T);
    }
  }
  return out;
}

/**
 * What the cash figures read (one-off revenue, refunds, fees, net revenue): the rows that count
 * within the window only, cash outside the months shown being ignored by the metrics anyway.
 * Each row carries the instant it counts at as `created` (an invoice's paid_at, else created).
 */
export function readCashInput(db: Db, window: CashWindow) {
  return {
    invoices: read<StripeInvoice>(db, sources.invoices, window),
    charges: read<StripeCharge>(db, sources.charges, window),
    refunds: read<StripeRefund>(db, sources.refunds, window),
    balanceTransactions: read<StripeBalanceTransaction>(db, sources.balanceTransactions, window),
  };
}

/** Every currency of a row the reader may have left out (outside the window, or not counting), to name them all when a rate is missing. */
export function currenciesInTables(db: Db): string[] {
  const tables = Object.values(sources).map((s) => `SELECT DISTINCT currency FROM ${s.table} WHERE deleted = 0 AND currency IS NOT NULL`);
  return db.prepare(tables.join(' UNION ')).pluck().all() as string[];
}
