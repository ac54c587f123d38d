import type { CurrencyCode, RateTable, StripeBalanceTransaction, StripeCharge, StripeInvoice, StripeRefund, SubscriptionVersion } from './model';
import type { PreparedTimelines } from './timeline';

/** Everything computeRevenueMetrics reads; arrays in any order. */
export interface RevenueInput {
  subscriptionVersions: SubscriptionVersion[];
  /**
   * The same subscriptions with every state already prepared, read instead of
   * `subscriptionVersions` when given (the reports pass these, prepared when the sync stored each
   * version, and leave `subscriptionVersions` empty).
   */
  preparedTimelines?: PreparedTimelines;
  invoices: StripeInvoice[];
  charges: StripeCharge[];
  refunds: StripeRefund[];
  balanceTransactions: StripeBalanceTransaction[];
  rates: RateTable;
  /**
   * Currencies of objects the reader left out because they count for nothing (unpaid invoices,
   * invoices a subscription bills, charges billed through an invoice), asked only when a rate is
   * missing so the error still names every currency the data holds.
   */
  currenciesLeftOut?: () => Iterable<CurrencyCode>;
}
