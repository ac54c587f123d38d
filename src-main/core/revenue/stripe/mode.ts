/** Which of Stripe's two worlds a key opens: test data, or real money. */
export type StripeMode = 'test' | 'live';

/**
 * The mode a secret or restricted key belongs to, read from its prefix (sk_test_/rk_test_ or
 * sk_live_/rk_live_), or undefined for anything else. Every money view badges this.
 */
export function modeOfKey(key: string): StripeMode | undefined {
  const m = /^(?:sk|rk)_(test|live)_/.exec(key);
  return m ? (m[1] as StripeMode) : undefined;
}
