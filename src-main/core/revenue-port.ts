/** Failed Stripe payments (charges with status failed) in a window. */
export interface FailedPayments {
  count: number;
  /** Amounts in minor units by currency (never added across currencies). */
  byCurrency: Record<string, number>;
  lastAt: number | null;
  /** The newest few charge ids, for the evidence. */
  chargeIds: string[];
}

/** POST /webhooks/stripe deliveries in a window: accepted, and refused for their signature. */
export interface WebhookDeliveries {
  accepted: number;
  refused: number;
  lastRefusal: string | null;
  lastRefusedAt: number | null;
}

/**
 * Revenue as Guardian reads it (its findings and the executive summary): createCore hands this
 * port over, so Guardian never imports the revenue capability. Everything is read from the
 * local tables: it works offline.
 */
export interface RevenueFacts {
  /** Whether a Stripe secret key is stored (without one there is nothing to judge). */
  stripeConfigured(): boolean;
  /** The stored key's mode, for the test-mode badge. */
  mode(): 'test' | 'live' | null;
  failedPayments(sinceMs: number): FailedPayments;
  webhookDeliveries(sinceMs: number): WebhookDeliveries;
  /** DFY requests not yet delivered or cancelled. */
  openDfyRequests(): number;
  /** This month's MRR in the report currency beside last month's, or why it cannot be given (no Stripe key, a missing currency rate). */
  mrr(): SummaryMrr | { note: string };
}

/** MRR in minor units of the report currency; `change` is against the close of last month. */
export interface SummaryMrr {
  amountMinor: number;
  currency: string;
  change: number | null;
}
