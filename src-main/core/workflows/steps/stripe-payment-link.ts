import { z } from 'zod';
import { nonRetriable, defineStep, stepParams } from '../step';

const params = stepParams({
  /** A DFY package's id: the link sells its current price. */
  package: z.string().min(1, 'is empty').max(200).optional(),
  /** Or a Stripe price id (price_…). */
  price: z.string().min(1, 'is empty').max(200).optional(),
  quantity: z.number({ error: () => 'must be a whole number from 1 to 99' }).int('must be a whole number from 1 to 99').min(1, 'must be at least 1').max(99, 'must be at most 99').default(1),
});

function unavailable(): never {
  throw nonRetriable('REVENUE_UNAVAILABLE', 'Stripe payment links are not available in this process');
}

/** A bad package or price stays bad on every retry. */
function settled(err: unknown): never {
  const code = (err as { code?: unknown }).code;
  if (code === 'BAD_INPUT' || code === 'NOT_FOUND' || code === 'UNAUTHORIZED') throw nonRetriable(String(code), err instanceof Error ? err.message : String(err));
  throw err;
}

/**
 * Creates a Stripe payment link for a DFY package's current price or a given price. Class C:
 * a live link takes money, so the founder approves it with the exact call as its preview; the
 * step's idempotency key goes to Stripe, so a retried step never makes a second link.
 */
export const stripePaymentLinkStep = defineStep({
  type: 'stripe.paymentLink',
  title: 'Stripe payment link',
  description: 'Creates a Stripe payment link for a DFY package (its current price) or a Stripe price; outputs { paymentLinkId, url, priceId, packageId }. Once per step, however often it is retried.',
  class: 'C',
  classNote: 'creates a live Stripe link that takes customers\u2019 money',
  params,
  ui: {
    package: { label: 'DFY package id', placeholder: 'from levqor revenue packages' },
    price: { label: 'or a Stripe price id', placeholder: 'price_…' },
    quantity: { label: 'Quantity' },
  },
  preview(ctx) {
    const payments = ctx.services.payments ?? unavailable();
    try {
      return payments.preview({ packageId: ctx.params.package, priceId: ctx.params.price, quantity: ctx.params.quantity });
    } catch (err) {
      return settled(err);
    }
  },
  async execute(ctx) {
    const payments = ctx.services.payments ?? unavailable();
    try {
      return { output: await payments.create({ packageId: ctx.params.package, priceId: ctx.params.price, quantity: ctx.params.quantity }, ctx.idempotencyKey, ctx.signal) };
    } catch (err) {
      return settled(err);
    }
  },
});
