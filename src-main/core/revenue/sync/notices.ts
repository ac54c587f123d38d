import type { EventPayload } from '../../../../shared/contract';
import { num, obj, ref, str, type StripeJson } from './json';

/** What the sync tells the rest of the app (alerts, workflows) once its transaction is committed. */
export type Notice =
  | { name: 'subscription.churned'; payload: EventPayload<'subscription.churned'> }
  | { name: 'payment.failed'; payload: EventPayload<'payment.failed'> }
  | { name: 'stripe.event'; payload: EventPayload<'stripe.event'> };

/** Every event recorded for the first time, for the `stripe.event` trigger. */
export function stripeEventNotice(event: StripeJson, via: 'sync' | 'webhook', applied: boolean): Notice {
  const o = obj(obj(event, 'data'), 'object');
  return {
    name: 'stripe.event',
    payload: { eventId: str(event, 'id')!, type: str(event, 'type') ?? '', created: (num(event, 'created') ?? 0) * 1000, livemode: event.livemode === true, via, applied, objectId: str(o, 'id') ?? null, objectType: str(o, 'object') ?? null, object: o },
  };
}

/** A subscription stored as canceled whose stored state before was not: churned. */
export function churnNotice(sub: StripeJson, previousStatus: string | null | undefined, atSeconds: number): Notice | undefined {
  if (str(sub, 'status') !== 'canceled' || previousStatus === 'canceled' || previousStatus === undefined) return undefined;
  return { name: 'subscription.churned', payload: { subscriptionId: str(sub, 'id')!, customerId: ref(sub, 'customer'), at: (num(sub, 'canceled_at') ?? atSeconds) * 1000, livemode: sub.livemode === true } };
}

/** invoice.payment_failed and charge.failed, as one notice. */
export function paymentFailedNotice(event: StripeJson): Notice | undefined {
  const type = str(event, 'type');
  const o = obj(obj(event, 'data'), 'object');
  const at = (num(event, 'created') ?? 0) * 1000;
  if (type === 'invoice.payment_failed') {
    return { name: 'payment.failed', payload: { invoiceId: str(o, 'id'), chargeId: null, customerId: ref(o, 'customer'), amount: num(o, 'amount_due') ?? 0, currency: str(o, 'currency') ?? '', at, livemode: o.livemode === true } };
  }
  if (type === 'charge.failed') {
    return { name: 'payment.failed', payload: { invoiceId: null, chargeId: str(o, 'id'), customerId: ref(o, 'customer'), amount: num(o, 'amount') ?? 0, currency: str(o, 'currency') ?? '', at, livemode: o.livemode === true } };
  }
  return undefined;
}
