import { loadStripe } from './stripe-package';
import { CoreError } from '../../errors';

/** Stripe's default: a signature more than 5 minutes old is refused (a replay). */
export const webhookToleranceSeconds = 300;

/**
 * The event in a webhook delivery, once its Stripe-Signature is checked on the raw body with the
 * signing secret. Forged, unsigned or too old: BAD_INPUT naming the header (the route answers 400).
 */
export function verifyWebhook(payload: string, signature: string, secret: string | undefined, nowMs: number): Record<string, unknown> {
  if (!secret) throw new CoreError('UNAVAILABLE', 'stripe.webhookSecret: is not set; add the signing secret of the webhook endpoint from the Stripe dashboard', 'stripe.webhookSecret');
  if (!signature) throw new CoreError('BAD_INPUT', 'stripe-signature: is missing; only Stripe\u2019s signed deliveries are accepted', 'stripe-signature');
  try {
    return loadStripe().webhooks.constructEvent(payload, signature, secret, webhookToleranceSeconds, undefined, nowMs) as unknown as Record<string, unknown>;
  } catch (err) {
    const why = err instanceof Error && /tolerance/i.test(err.message) ? 'is older than 5 minutes (a replay?)' : 'does not match the body and stripe.webhookSecret';
    throw new CoreError('BAD_INPUT', `stripe-signature: ${why}`, 'stripe-signature');
  }
}
