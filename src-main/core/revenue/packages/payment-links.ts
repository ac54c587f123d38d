import type { CreatedPaymentLink, PaymentLinkPort, PaymentLinkPreview, PaymentLinkRequest } from '../../payment-link-port';
import { badInput, CoreError } from '../../errors';
import type { StripeConnection } from '../stripe/connection';
import { stripeFailure } from '../stripe/failure';
import type { StripeRetryOptions } from '../stripe/retry';
import type { PackageStore } from './package-store';
import { runPlan } from './run-plan';
import { linkCall, type PlannedCall } from './stripe-plan';

export interface PaymentLinkDeps {
  store: PackageStore;
  connect(): StripeConnection;
  retry: StripeRetryOptions;
}

/** The price a request names: a package's current one, or a Stripe price id as given. */
function resolve(store: PackageStore, r: PaymentLinkRequest): { priceId: string; packageId: string | null } {
  if (r.packageId) {
    const p = store.get(r.packageId);
    if (!p) throw new CoreError('NOT_FOUND', `package: no DFY package ${r.packageId} (see levqor revenue packages)`, 'package');
    if (p.status !== 'active') throw badInput('package', `the DFY package ${p.name} is archived: it has no price on sale`);
    return { priceId: p.stripePriceId, packageId: p.id };
  }
  if (!r.priceId || !/^price_\w+$/.test(r.priceId)) throw badInput('price', 'give a DFY package id (package) or a Stripe price id like price_123 (price)');
  return { priceId: r.priceId, packageId: null };
}

/** Payment links for a package's price or a Stripe price, made once per idempotency key (the workflow step stripe.paymentLink). */
export function paymentLinkPort(d: PaymentLinkDeps): PaymentLinkPort {
  const plan = (r: PaymentLinkRequest): { call: PlannedCall; priceId: string; packageId: string | null } => {
    const target = resolve(d.store, r);
    return { call: linkCall(target.priceId, r.quantity, target.packageId), ...target };
  };
  return {
    preview(r): PaymentLinkPreview {
      const { call, priceId, packageId } = plan(r);
      return { method: call.method, path: call.path, form: call.form, priceId, packageId };
    },
    async create(r, key, signal): Promise<CreatedPaymentLink> {
      const { call, priceId, packageId } = plan(r);
      try {
        const made = await runPlan(d.connect().client, [call], () => `levqor-step-${key}`, { ...d.retry, ...(signal ? { signal } : {}) });
        return { paymentLinkId: made.linkId!, url: made.linkUrl!, priceId, packageId };
      } catch (err) {
        throw stripeFailure(err);
      }
    },
  };
}
