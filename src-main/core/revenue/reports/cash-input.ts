import type { Db } from '../../db/open';
import { monthIndexOf, monthRange, normaliseCurrency, type CurrencyCode, type StripeBalanceTransaction, type StripeCharge, type StripeInvoice, type StripeRefund } from '../metrics';

/** The months whose cash counts, and the report's currency. */
export interface CashWindow {
  /** count + 1 boundaries, epoch seconds: starts[k] is the first second of the k-th month shown */
  starts: number[];
  currency: CurrencyCode;
}

/** The window of the `months` months ending with the month of `asOf`, in `currency`. */
export function cashWindow(asOf: number, months: number, currency: CurrencyCode): CashWindow {
  return { starts: monthRange(monthIndexOf(asOf) - months + 1, months).starts, currency: normaliseCurrency(currency) };
}

/**
 * One table's rows that count for a cash figure (metrics/cash.ts), as the columns the definition
 * reads. `where` and `at` are spelled as the indexes of migration 0031 are, so each read walks a
 * small index in time order instead of the table.
 */
interface CashSource {
  table: string;
  /** which rows count */
  where: string;
  /** the instant a row counts at, read by the metrics as `created` */
  at: string;
  /** what the definition tells rows apart by (status, type), by name: a column, or a constant where `where` fixes it */
  keys: Readonly<Record<string, string>>;
  /** amounts, in minor units of the row's currency */
  amounts: readonly string[];
}

const sources = {
  invoices: { table: 'stripe_invoices', where: "deleted = 0 AND status = 'paid' AND subscription IS NULL", at: 'coalesce(paid_at, created)', keys: { status: "'paid'" }, amounts: ['amount_paid'] },
  charges: { table: 'stripe_charges', where: "deleted = 0 AND status = 'succeeded' AND invoice IS NULL", at: 'created', keys: { status: "'succeeded'" }, amounts: ['amount'] },
  refunds: { table: 'stripe_refunds', where: 'deleted = 0', at: 'created', keys: { status: 'status' }, amounts: ['amount'] },
  balanceTransactions: { table: 'stripe_balance_transactions', where: 'deleted = 0', at: 'created', keys: { type: 'type' }, amounts: ['amount', 'fee', 'net'] },
} satisfies Record<string, CashSource>;

/**
 * Rows in the report's currency come summed per month and key, in SQL: every cash figure is a
 * sum per month of amounts converted one by one, and an amount in the report's currency is
 * converted ×1 with no rounding, so a month's sum counts exactly as its rows would (its
 * `created` is the month's first second, its `id` "month"). Rows in another currency count one
 * by one, as conversion rounds each amount; those of one month alike in currency, key and
 * amounts convert alike, so each such group is read once and stands in the list once per row
 * (the same object: the metrics read no row's `id`, "#" and a rowid, nor its exact `created`,
 * one of the group's, only its month).
 */
function read<T>(db: Db, s: CashSource, w: CashWindow): T[] {
  const names = ['id', 'currency', 'created', ...Object.keys(s.keys), ...s.amounts];
  const keys = Object.values(s.keys);
  const inMonth = `${s.where} AND ${s.at} >= ? AND ${s.at} < ?`;
  const groups = keys.filter((k) => !k.startsWith("'"));
  const perMonth = `${groups.length ? ` GROUP BY ${groups.join(', ')}` : ''} HAVING count(*) > 0`;
  const summed = db.prepare(`SELECT 'month', currency, ?, ${[...keys, ...s.amounts.map((a) => `sum(${a})`)].join(', ')} FROM ${s.table} WHERE ${inMonth} AND currency = ?${perMonth}`).raw();
  const alike = db.prepare(`SELECT '#' || min(rowid), currency, min(${s.at}), ${[...keys, ...s.amounts].join(', ')}, count(*) FROM ${s.table} WHERE ${inMonth} AND currency IS NOT ? GROUP BY ${['currency', ...groups, ...s.amounts].join(', ')}`).raw();
  const rows: T[] = [];
  const add = (row: unknown[], times: number) => {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) o[names[i]!] = row[i];
    for (let n = 0; n < times; n++) rows.push(o as T);
  };
  for (let k = 0; k + 1 < w.starts.length; k++) {
    for (const row of summed.all(w.starts[k], w.starts[k], w.starts[k + 1], w.currency) as unknown[][]) add(row, 1);
    for (const row of alike.all(w.starts[k], w.starts[k + 1], w.currency) as unknown[][]) add(row, row[names.length] as number);
  }
  return rows;
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
