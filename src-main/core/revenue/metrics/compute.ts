import { badInput } from '../../errors';
import { arpa, ltv } from './arpa-ltv';
import { feesAndNetByMonth, oneOffRevenueByMonth, refundsByMonth } from './cash';
import { customerChurnRate, grossMrrChurnRate, netMrrChurnRate, trailingCustomerChurnRate } from './churn-rates';
import { Converter, MissingRateError, normaliseCurrency } from './currency';
import { arrOf, customerMrrGrid } from './customer-mrr';
import { kpi, type Kpi } from './kpi';
import type { CurrencyCode } from './model';
import type { RevenueInput } from './revenue-input';
import { monthCloseAt, monthIndexOf, monthKey, monthRange, type MonthKey } from './months';
import { movementsOfGrid, type MrrMovements } from './movements';
import { indexTimelines, type SubscriptionTimelines } from './timeline';

export interface RevenueMetricsOptions {
  /** months shown, the month of asOf last; a whole number from 1 to 120, default 24 */
  months?: number;
  /** now, epoch seconds: the last month is read up to this instant */
  asOf: number;
  /** report currency (ISO code); default the rate table's base (setting revenue.currency) */
  currency?: CurrencyCode;
  /** count metered items in MRR (see subscriptionMrrAt); default false */
  includeMetered?: boolean;
  /** months of customer churn behind LTV; a whole number from 1 to 24, default 6 */
  ltvTrailingMonths?: number;
}

/** Everything about one month, in whole minor units of the report's currency and fractions for rates. */
export interface MonthFigures extends MrrMovements {
  month: MonthKey;
  /** MRR at the month's close (its last second, or asOf for the running month): mrrEnd */
  mrr: number;
  /** ARR = MRR × 12 at the close */
  arr: number;
  /** paying customers at the close: customersEnd */
  customers: number;
  customerChurnRate: number | null;
  grossMrrChurnRate: number | null;
  netMrrChurnRate: number | null;
  arpa: number | null;
  ltv: number | null;
  /** why ltv is null ("not enough data: …"); shown in its place */
  ltvReason?: string;
  oneOffRevenue: number;
  refunds: number;
  fees: number;
  netRevenue: number;
}

export const kpiNames = ['mrr', 'arr', 'netNewMrr', 'customers', 'customerChurnRate', 'grossMrrChurnRate', 'netMrrChurnRate', 'arpa', 'ltv', 'oneOffRevenue', 'refunds', 'fees', 'netRevenue'] as const;
export type KpiName = (typeof kpiNames)[number];

export interface RevenueMetrics {
  currency: CurrencyCode;
  asOf: number;
  /** the month of asOf, the one the KPIs are about */
  month: MonthKey;
  /** this month (to asOf) beside the month before */
  kpis: Record<KpiName, Kpi>;
  /** oldest first, the month of asOf last: movements, the MRR series and the cash figures */
  months: MonthFigures[];
}

const monthsRule = 'must be a whole number of months from 1 to 120';
const trailingRule = 'must be a whole number of months from 1 to 24';
/** how far back the history that tells a reactivation from a new customer may reach */
const historyCapMonths = 240;

function checkOptions(options: RevenueMetricsOptions): Required<Omit<RevenueMetricsOptions, 'currency'>> {
  const months = options.months ?? 24;
  if (!Number.isInteger(months) || months < 1 || months > 120) throw badInput('months', monthsRule);
  const trailing = options.ltvTrailingMonths ?? 6;
  if (!Number.isInteger(trailing) || trailing < 1 || trailing > 24) throw badInput('ltvTrailingMonths', trailingRule);
  // 1e11 seconds is the year 5138; anything above is milliseconds typed by mistake
  if (!Number.isFinite(options.asOf) || options.asOf <= 0 || options.asOf >= 1e11) throw badInput('asOf', 'must be epoch seconds (like 1767225600), not milliseconds');
  if (options.currency !== undefined && !/^[A-Za-z]{3}$/.test(options.currency)) throw badInput('currency', 'must be a three-letter currency code such as usd or EUR');
  return { months, asOf: options.asOf, includeMetered: options.includeMetered ?? false, ltvTrailingMonths: trailing };
}

/** The input's subscriptions as timelines: prepared already, or prepared here from their versions. */
function timelinesOf(input: RevenueInput, includeMetered: boolean): SubscriptionTimelines {
  const prepared = input.preparedTimelines;
  if (!prepared) return indexTimelines(input.subscriptionVersions, { includeMetered });
  if (prepared.includeMetered !== includeMetered) throw badInput('includeMetered', `must be ${prepared.includeMetered}, as the prepared timelines were prepared with it`);
  return prepared.timelines;
}

/** The first month with any subscription state, or `fallback`. */
function earliestMonth(timelines: SubscriptionTimelines, fallback: number): number {
  let earliest = Infinity;
  for (let s = 0; s < timelines.count; s++) if (timelines.from[timelines.first[s]!]! < earliest) earliest = timelines.from[timelines.first[s]!]!;
  return earliest === Infinity ? fallback : monthIndexOf(earliest);
}

/** Every currency the input holds, to name all the missing rates at once rather than the first. */
function currenciesIn(input: RevenueInput, timelines: SubscriptionTimelines): Set<CurrencyCode> {
  const all = new Set<CurrencyCode>();
  for (const s of timelines.states) if (s.paying) all.add(s.currency);
  for (const list of [input.invoices, input.charges, input.refunds, input.balanceTransactions]) for (const x of list) all.add(x.currency);
  for (const c of input.currenciesLeftOut?.() ?? []) all.add(c);
  return all;
}

/**
 * Every figure the Revenue area shows, for the `months` months ending with the month of
 * `asOf`, in one report currency. Pure: reads only its arguments.
 *
 * One pass prepares each subscription state (unless `input.preparedTimelines` holds them
 * prepared already, with the same definitions); one forward walk per subscription reads every
 * customer's MRR at every month's close (from the first month with data, so a reactivation
 * years later is told from a new customer); one pass over the grid classifies movements;
 * one pass over invoices, charges, refunds and balance transactions sums the cash figures.
 *
 * Amounts in another currency are converted through `input.rates`; when one is missing the
 * call fails with MissingRateError naming every currency without a rate. Nothing is added
 * across currencies silently.
 */
export function computeRevenueMetrics(input: RevenueInput, options: RevenueMetricsOptions): RevenueMetrics {
  const opts = checkOptions(options);
  const currency = normaliseCurrency(options.currency ?? input.rates.base);
  const converter = new Converter(input.rates, currency);
  const timelines = timelinesOf(input, opts.includeMetered);
  try {
    return compute(input, timelines, converter, opts);
  } catch (error) {
    if (!(error instanceof MissingRateError)) throw error;
    throw new MissingRateError(converter.missingAmong(currenciesIn(input, timelines)), currency);
  }
}

function compute(input: RevenueInput, timelines: SubscriptionTimelines, converter: Converter, opts: ReturnType<typeof checkOptions>): RevenueMetrics {
  const last = monthIndexOf(opts.asOf);
  const first = last - opts.months + 1;
  // one close before anything happened, so the first month with data has a start of 0
  const gridFirst = Math.max(Math.min(earliestMonth(timelines, first), first), first - historyCapMonths) - 1;
  const closes: number[] = [];
  for (let m = gridFirst; m <= last; m++) closes.push(monthCloseAt(m, opts.asOf));
  const movements = movementsOfGrid(customerMrrGrid(timelines, closes, converter));

  const range = monthRange(first, opts.months);
  const oneOff = oneOffRevenueByMonth(input.invoices, input.charges, range, converter);
  const refunds = refundsByMonth(input.refunds, range, converter);
  const { fees, net } = feesAndNetByMonth(input.balanceTransactions, range, converter);

  const months: MonthFigures[] = [];
  for (let k = 0; k < opts.months; k++) {
    const g = first + k - gridFirst;
    const m = movements[g]!;
    const a = arpa(m.mrrEnd, m.customersEnd);
    const trailing = trailingCustomerChurnRate(movements.slice(Math.max(1, g - opts.ltvTrailingMonths + 1), g + 1));
    const l = ltv(a, trailing, opts.ltvTrailingMonths);
    months.push({
      ...m,
      month: monthKey(first + k),
      mrr: m.mrrEnd,
      arr: arrOf(m.mrrEnd),
      customers: m.customersEnd,
      customerChurnRate: customerChurnRate(m),
      grossMrrChurnRate: grossMrrChurnRate(m),
      netMrrChurnRate: netMrrChurnRate(m),
      arpa: a,
      ltv: l.value,
      ...(l.reason !== undefined ? { ltvReason: l.reason } : {}),
      oneOffRevenue: oneOff[k]!,
      refunds: refunds[k]!,
      fees: fees[k]!,
      netRevenue: net[k]!,
    });
  }
  return { currency: converter.target, asOf: opts.asOf, month: monthKey(last), kpis: kpisOf(months), months };
}

/** This month beside the one before it (none when the window is one month long). */
function kpisOf(months: readonly MonthFigures[]): Record<KpiName, Kpi> {
  const cur = months[months.length - 1]!;
  const prev = months[months.length - 2];
  const out = {} as Record<KpiName, Kpi>;
  for (const name of kpiNames) {
    const field = name === 'netNewMrr' ? 'net' : name;
    out[name] = kpi(cur[field] ?? null, prev ? (prev[field] ?? null) : null);
  }
  return out;
}
