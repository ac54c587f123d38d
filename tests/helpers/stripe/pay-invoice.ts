import type { FormValue } from './form';
import type { StripeObject } from './server';

interface Deps {
  emit(type: string, object: StripeObject): StripeObject;
  byId: Map<string, StripeObject>;
  now(): number;
}

/** Stripe's test payment methods that decline (https://docs.stripe.com/testing#declined-payments). */
const declining = new Set(['pm_card_chargeDeclined', 'pm_card_visa_chargeDeclined']);

/**
 * POST /v1/invoices/ID/pay as Stripe answers it for a card that is declined: a failed charge
 * (`charge.failed`), the invoice's attempt recorded (`invoice.payment_failed`, in that order, as
 * Stripe sends them) and a 402 card_error naming the charge. On API versions from 2025-03-31 the
 * charge no longer names its invoice, so neither object here links to the other.
 */
export function payInvoice(deps: Deps, path: string, form: Record<string, FormValue>): { status: number; body: StripeObject | { error: Record<string, string> } } | undefined {
  const m = /^invoices\/([^/]+)\/pay$/.exec(path);
  if (!m) return undefined;
  const invoice = deps.byId.get(m[1]!);
  if (!invoice || invoice.object !== 'invoice') return { status: 404, body: { error: { type: 'invalid_request_error', code: 'resource_missing', param: 'id', message: `No such invoice: '${m[1]}'` } } };
  if (invoice.status === 'paid') return { status: 400, body: { error: { type: 'invalid_request_error', code: 'invoice_already_paid', message: 'Invoice is already paid' } } };
  const method = typeof form.payment_method === 'string' ? form.payment_method : 'pm_card_visa';
  if (!declining.has(method)) return { status: 400, body: { error: { type: 'invalid_request_error', param: 'payment_method', message: 'The local Stripe only declines (pm_card_chargeDeclined).' } } };
  const now = deps.now();
  const amount = invoice.amount_due as number;
  const charge: StripeObject = {
    id: `ch_fail${now.toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`, object: 'charge', amount, amount_captured: 0, amount_refunded: 0, balance_transaction: null, captured: false,
    created: now, currency: invoice.currency, customer: invoice.customer, failure_code: 'card_declined', failure_message: 'Your card was declined.', livemode: invoice.livemode === true, metadata: {},
    outcome: { network_status: 'declined_by_network', reason: 'generic_decline', risk_level: 'normal', seller_message: 'The bank did not return any further details with this decline.', type: 'issuer_declined' },
    paid: false, payment_intent: `pi_fail${now.toString(36)}`, payment_method: method, refunded: false, status: 'failed',
  };
  deps.emit('charge.failed', charge);
  deps.emit('invoice.payment_failed', { ...invoice, attempted: true, attempt_count: ((invoice.attempt_count as number | undefined) ?? 0) + 1, status: 'open' });
  return { status: 402, body: { error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', charge: charge.id as string, message: 'Your card was declined.' } } };
}
