import type { EventPayload } from '../../../../shared/contract';
import { num, obj, ref, str, type StripeJson } from './json';

/** What the sync tells the rest of the app (alerts, workflows) once its transaction is committed. */
export type Notice =
  | { name: 'subscription.churned'; payload: EventPayload<'subscription.churned'> }
  | { name: 'payment.failed'; payload: EventPayload<'payment.failed'> }
  | { name: 'stripe.event'; payload: EventPayload<'stripe.event'>; object: StripeJson };

/** The object's amount: `amount` (charges, payment intents, refunds), `total` (invoices), `amount_total` (checkout sessions). */
const amountOf = (o: StripeJson): number | null => num(o, 'amount') ?? num(o, 'total') ?? num(o, 'amount_total');

/**
 * Every event recorded for the first time, for the `stripe.event` trigger. The streamed payload
 * is lean (a few fields of the object, never the object); the whole object rides beside it for
 * the workflows the event triggers (event-objects.ts).
 */
export function stripeEventNotice(event: StripeJson, via: 'sync' | 'webhook', applied: boolean): Notice {
  const o = obj(obj(event, 'data'), 'object');
  return {
    name: 'stripe.event',
    payload: {
      eventId: str(event, 'id')!,
      type: str(event, 'type') ?? '',
      created: (num(event, 'created') ?? 0) * 1000,
      livemode: event.livemode === true,
      via,
      applied,
      objectId: str(o, 'id') ?? null,
      objectType: str(o, 'object') ?? null,
      amount: amountOf(o),
      currency: str(o, 'currency'),
      status: str(o, 'status'),
      customer: ref(o, 'customer'),
    },
    object: o,
  };
}

/** A subscription stored as canceled whose stored state before was not: churned. */
export function churnNotice(sub: StripeJson, previousStatus: string | null | undefined, atSeconds: number): Notice | undefined {
  if (str(sub, 'status') !== 'canceled' || previousStatus === 'canceled' || previousStatus === undefined) return undefined;
  return { name: 'subscription.churned', payload: { subscriptionId: str(sub, 'id')!, customerId: ref(sub, 'customer'), at: (num(sub, 'canceled_at') ?? atSeconds) * 1000, livemode: sub.livemode === true } };
}

/**
 * One notice per failed payment. The failed charge owns it (`charge.failed`), naming its invoice
 * when the charge does (API versions before 2025-03-31 send `invoice` on a charge). An
 * `invoice.payment_failed` is the same failure told twice whenever a charge was tried, so it
 * owns a notice only when the invoice itself says no charge was made (`charge: null`, older API
 * versions: no payment method on file); on newer versions the invoice never says, and its
 * charge's notice is the one.
 */
export function paymentFailedNotice(event: StripeJson): Notice | undefined {
  const type = str(event, 'type');
  const o = obj(obj(event, 'data'), 'object');
  const at = (num(event, 'created') ?? 0) * 1000;
  if (type === 'charge.failed') {
    return { name: 'payment.failed', payload: { invoiceId: ref(o, 'invoice'), chargeId: str(o, 'id'), customerId: ref(o, 'customer'), amount: num(o, 'amount') ?? 0, currency: str(o, 'currency') ?? '', at, livemode: o.livemode === true } };
  }
  if (type === 'invoice.payment_failed' && 'charge' in o && o.charge === null) {
    return { name: 'payment.failed', payload: { invoiceId: str(o, 'id'), chargeId: null, customerId: ref(o, 'customer'), amount: num(o, 'amount_due') ?? 0, currency: str(o, 'currency') ?? '', at, livemode: o.livemode === true } };
  }
  return undefined;
}
