/** What the step stripe.lookup reads. */
export const stripeLookupKinds = ['customer', 'subscription', 'invoice'] as const;
export type StripeLookupKind = (typeof stripeLookupKinds)[number];

/**
 * Stripe objects as the revenue sync keeps them in the local tables (read offline, never a
 * call to Stripe): createCore hands this port over, so the engine never imports revenue.
 */
export interface StripeLookupPort {
  /** The stored object (its newest synced state), or undefined when the tables have no such id. */
  find(kind: StripeLookupKind, id: string): Record<string, unknown> | undefined;
}
