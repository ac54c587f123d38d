/** A month's revenue as the cost view reads it, in minor units of the report currency. */
export interface RevenueMonth {
  month: string;
  /** What customers paid less refunds, before Stripe's fees. */
  revenueMinor: number;
  /** Stripe's fees, from the balance transactions. */
  feesMinor: number;
}

/**
 * What the cost autopilot (core/costs) needs of revenue: the report currency and its rate
 * table, and each month's revenue and Stripe fees from the synced tables. createCore hands it
 * over, so costs never reads revenue's tables nor imports the capability.
 */
export interface CostRevenue {
  /** The report currency (setting revenue.currency), lower case. */
  currency(): string;
  /** Minor units of `currency` → whole minor units of the report currency; throws naming revenue.rates when no rate is set. */
  convert(amountMinor: number, currency: string): number;
  /** Why `currency` cannot be converted (the missing rate, in the founder's words), or undefined when it can. */
  missingRate(currency: string): string | undefined;
  /** The months from..to (YYYY-MM, to not after this month), oldest first. */
  months(from: string, to: string): RevenueMonth[];
  /** Why revenue reads 0 (no Stripe key), or null. */
  note(): string | null;
}
