import { createCore, ManualClock, type Core } from '../../../src-main/core';
import { tempDir } from '../temp-dir';
import type { FakeStripe } from './server';

import { testKey, webhookSecret } from './keys';

export { liveKey, testKey, webhookSecret } from './keys';

/** Quick retries, so tests of 5xx and 429 take milliseconds (Retry-After is still honoured). */
export const quickRetry = { maxAttempts: 5, backoff: 'exponential', initialMs: 5, maxMs: 50, jitter: false } as const;

/** A real core pointed at the local Stripe, its clock on Stripe's. */
export function stripeCore(stripe: FakeStripe, options: { key?: string | null; dataDir?: string } = {}): { core: Core; clock: ManualClock } {
  const clock = new ManualClock(stripe.now() * 1000);
  const core = createCore({ dataDir: options.dataDir ?? tempDir('levqor-stripe-'), env: {}, clock, logToFile: false, stripeRetry: { ...quickRetry } });
  core.settings.set('stripe.apiBase', stripe.url);
  const key = options.key === undefined ? testKey : options.key;
  if (key) core.secrets.set('stripe.secretKey', key);
  core.secrets.set('stripe.webhookSecret', webhookSecret);
  return { core, clock };
}
