import type { CostRevenue } from '../cost-revenue-port';
import type { SettingsService } from '../settings';
import { Converter } from './metrics';
import type { RevenueReports } from './reports/revenue-reports';

/**
 * CostRevenue (core/cost-revenue-port.ts) from the revenue reports: a month's revenue is its
 * net revenue with Stripe's fees added back (customers' payments less refunds), since the cost
 * view counts the fees as a cost of their own.
 */
export function costRevenue(reports: RevenueReports, settings: SettingsService, stripeConfigured: () => boolean): CostRevenue {
  const converter = () => new Converter({ base: settings.get('revenue.currency').toLowerCase(), rates: settings.get('revenue.rates') }, settings.get('revenue.currency'));
  return {
    currency: () => settings.get('revenue.currency').toLowerCase(),
    convert: (amount, currency) => converter().convert(amount, currency.toLowerCase()),
    missingRate: (currency) => {
      try {
        converter().factor(currency.toLowerCase());
        return undefined;
      } catch (err) {
        return err instanceof Error ? err.message : String(err);
      }
    },
    months: (from, to) => reports.movements({ from, to }).months.map((m) => ({ month: m.month, revenueMinor: m.netRevenue + m.fees, feesMinor: m.fees })),
    note: () => (stripeConfigured() ? null : 'No Stripe key is set (secret stripe.secretKey), so revenue and Stripe fees read 0 until Stripe is connected and synced.'),
  };
}
