import type Stripe from 'stripe';
import type { StripeHost } from './api-base';
import { textKeepingHttpClient } from './response-text';
import { loadStripe } from './stripe-package';

export type { Stripe };

/**
 * The official client on the configured host. Its own network retries are off: every call goes
 * through withStripeRetry, which also retries 429 and honours Retry-After (the client retries
 * neither by itself). Telemetry to Stripe is off: nothing leaves but the calls themselves. Its
 * HTTP client is Stripe's own for Node, keeping each GET answer's text (response-text.ts).
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
    httpClient: textKeepingHttpClient(),
  });
}
