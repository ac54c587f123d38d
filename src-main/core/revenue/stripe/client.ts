import type Stripe from 'stripe';
import { lazyPackage } from '../../lazy-package';
import type { StripeHost } from './api-base';

export type { Stripe };

/** The official package, loaded with the first client or webhook: starting the app does not need it. */
export const loadStripe = lazyPackage<typeof Stripe>('stripe');

/**
 * The official client on the configured host. Its own network retries are off: every call goes
 * through withStripeRetry, which also retries 429 and honours Retry-After (the client retries
 * neither by itself). Telemetry to Stripe is off: nothing leaves but the calls themselves.
 */
export function createStripeClient(key: string, host: StripeHost, timeoutMs = 30_000): Stripe {
  const StripeClient = loadStripe();
  return new StripeClient(key, {
    host: host.host,
    port: host.port,
    protocol: host.protocol,
    maxNetworkRetries: 0,
    timeout: timeoutMs,
    telemetry: false,
    appInfo: { name: 'levqor' },
  });
}
