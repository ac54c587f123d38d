import type { Clock } from '../../clock';
import type { Db } from '../../db/open';
import { badInput } from '../../errors';
import type { SettingsService } from '../../settings';
import { asOfForMonth, computeRevenueMetrics, Converter, customerMrrAt, monthIndexOf, monthStart, parseMonthKey, type RevenueMetrics, type RevenueMetricsOptions } from '../metrics';
import { cashWindow } from './cash-input';
import { customersPage, type CustomerRow } from './customers-query';
import { readRevenueInput, readSubscriptionTimelines } from './synced-input';

export interface RevenueReportsDeps {
  db: Db;
  clock: Clock;
  settings: SettingsService;
}

/** The longest span revenue.movements reads (the metrics' own limit). */
const maxMonths = 120;

/**
 * The Revenue area's figures from the synced Stripe tables (offline): the metrics of a month,
 * the MRR movements of a span of months, and the customers with their MRR now.
 */
export class RevenueReports {
  constructor(private readonly d: RevenueReportsDeps) {}

  /** This month's (or `month`'s) KPIs beside the month before, and the 24 months up to it. */
  metrics(input: { month?: string | undefined; currency?: string | undefined }): RevenueMetrics {
    const now = this.nowSeconds();
    const asOf = input.month !== undefined ? asOfForMonth(input.month, now) : now;
    return this.compute({ asOf, months: 24, ...(input.currency !== undefined ? { currency: input.currency } : {}) });
  }

  /** The months `from`..`to` (YYYY-MM, both included) with their MRR movements. */
  movements(input: { from: string; to: string }): Pick<RevenueMetrics, 'currency' | 'months'> {
    const from = parseMonthKey(input.from);
    if (from === undefined) throw badInput('from', 'must be a month written YYYY-MM, such as 2026-03');
    const asOf = asOfForMonth(input.to, this.nowSeconds());
    const to = monthIndexOf(asOf);
    if (from > to) throw badInput('from', `must not be after to (${input.to})`);
    if (to - from + 1 > maxMonths) throw badInput('from', `must be at most ${maxMonths} months before to`);
    const { currency, months } = this.compute({ asOf, months: to - from + 1 });
    return { currency, months };
  }

  /** Customers matching `query` (email, name or id), newest first, each with its MRR now in the report currency. */
  customers(input: { query?: string | undefined; cursor?: string | undefined; limit?: number | undefined }): { currency: string; customers: Array<CustomerRow & { mrr: number }>; nextCursor?: string } {
    const page = customersPage(this.d.db, input);
    const rates = this.rates();
    const converter = new Converter(rates, rates.base);
    const { timelines } = readSubscriptionTimelines(this.d.db, { customers: [...page.ids] });
    const mrr = customerMrrAt(timelines, this.nowSeconds(), converter);
    return { currency: converter.target, customers: page.rows.map((c) => ({ ...c, mrr: mrr.get(c.id) ?? 0 })), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  }

  /** Customers with MRR at the start of this month and none now, with the MRR lost (minor units of the report currency), most lost first. */
  churnedThisMonth(): { currency: string; customers: Array<{ id: string; name: string | null; email: string | null; mrrLost: number }> } {
    const now = this.nowSeconds();
    const rates = this.rates();
    const converter = new Converter(rates, rates.base);
    const { timelines } = readSubscriptionTimelines(this.d.db);
    const before = customerMrrAt(timelines, monthStart(monthIndexOf(now)), converter);
    const after = customerMrrAt(timelines, now, converter);
    const lost = [...before].filter(([id, mrr]) => mrr > 0 && (after.get(id) ?? 0) === 0);
    const names = this.d.db.prepare('SELECT id, name, email FROM stripe_customers WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(lost.map(([id]) => id))) as { id: string; name: string | null; email: string | null }[];
    const byId = new Map(names.map((n) => [n.id, n]));
    const customers = lost.map(([id, mrr]) => ({ id, name: byId.get(id)?.name ?? null, email: byId.get(id)?.email ?? null, mrrLost: mrr })).sort((a, b) => b.mrrLost - a.mrrLost);
    return { currency: converter.target, customers };
  }

  /** The metrics over the synced tables, reading only the cash of the months shown. */
  private compute(options: RevenueMetricsOptions & { months: number }): RevenueMetrics {
    const rates = this.rates();
    const window = cashWindow(options.asOf, options.months, options.currency ?? rates.base);
    return computeRevenueMetrics(readRevenueInput(this.d.db, rates, window, options.includeMetered), options);
  }

  private rates() {
    return { base: this.d.settings.get('revenue.currency').toLowerCase(), rates: this.d.settings.get('revenue.rates') };
  }

  private nowSeconds(): number {
    return Math.floor(this.d.clock.now() / 1000);
  }
}
