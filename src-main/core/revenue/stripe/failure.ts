import type Stripe from 'stripe';
import { loadStripe } from './stripe-package';
import { CoreError } from '../../errors';

type StripeErr = InstanceType<typeof Stripe.errors.StripeError>;

function isStripeError(err: unknown): err is StripeErr {
  return err instanceof loadStripe().errors.StripeError;
}

/** A failure worth trying again: rate limited, Stripe's own fault, or no answer at all. */
export function isTransientStripeError(err: unknown): boolean {
  if (!isStripeError(err)) return false;
  if (err instanceof loadStripe().errors.StripeConnectionError) return true;
  const status = err.statusCode ?? 0;
  return status === 429 || status === 409 || status >= 500;
}

/** Seconds Stripe asked us to wait (Retry-After), when it did. */
export function retryAfterMs(err: unknown): number | undefined {
  if (!isStripeError(err)) return undefined;
  const raw = err.headers?.['retry-after'];
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(raw);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

/**
 * A Stripe failure in the founder's words, naming what to fix. The key itself never appears:
 * Stripe's own message for a bad key quotes part of it, so that message is not passed on.
 */
export function stripeFailure(err: unknown): Error {
  if (err instanceof CoreError || !isStripeError(err)) return err instanceof Error ? err : new Error(String(err));
  if (err instanceof loadStripe().errors.StripeAuthenticationError) {
    return new CoreError('UNAUTHORIZED', 'stripe.secretKey: Stripe refused this key (wrong, revoked or expired); set a current secret key from the Stripe dashboard', 'stripe.secretKey');
  }
  if (err instanceof loadStripe().errors.StripePermissionError) {
    return new CoreError('FORBIDDEN', `stripe.secretKey: this restricted key may not read what the sync needs (${err.message}); give it read access to billing, payments and checkout`, 'stripe.secretKey');
  }
  if (err instanceof loadStripe().errors.StripeConnectionError) {
    return new CoreError('UNAVAILABLE', `Stripe could not be reached (${err.message}); the sync tries again later`);
  }
  const status = err.statusCode ?? 0;
  if (status === 429 || status >= 500) return new CoreError('UNAVAILABLE', `Stripe is not answering normally (HTTP ${status}: ${err.message}); the sync tries again later`);
  return new CoreError('INTERNAL', `Stripe refused a request (HTTP ${status}${err.code ? `, ${err.code}` : ''}): ${err.message}`);
}
