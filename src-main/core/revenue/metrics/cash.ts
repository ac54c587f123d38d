import type { Converter } from './currency';
import { idOf, type StripeBalanceTransaction, type StripeCharge, type StripeInvoice, type StripeRefund } from './model';
import { monthSlot, type MonthRange } from './months';

/** Adds `amount` (minor units of `currency`) at instant `at` into its month's slot, converted; outside the range it is ignored. */
function addTo(sums: number[], range: MonthRange, at: number, amount: number, currency: string, converter: Converter): void {
  const slot = monthSlot(range, at);
  if (slot >= 0) sums[slot] = sums[slot]! + converter.convert(amount, currency);
}

function subscriptionOf(invoice: StripeInvoice): string | undefined {
  return idOf(invoice.subscription) ?? idOf(invoice.parent?.subscription_details?.subscription);
}

/**
 * One-off revenue per month: money collected that no subscription bills, such as DFY
 * packages and product sales. It is every paid invoice not tied to a subscription (counted
 * at paid_at, else created, for amount_paid) plus every succeeded charge with no invoice
 * (checkout in payment mode, payment links; counted at created). A charge with an invoice
 * is counted through its invoice, never twice. Refunds are not taken off here (see refundsByMonth).
 */
export function oneOffRevenueByMonth(invoices: readonly StripeInvoice[], charges: readonly StripeCharge[], range: MonthRange, converter: Converter): number[] {
  const sums = new Array<number>(range.count).fill(0);
  for (const inv of invoices) {
    if (inv.status !== 'paid' || subscriptionOf(inv) !== undefined) continue;
    addTo(sums, range, inv.status_transitions?.paid_at ?? inv.created, inv.amount_paid, inv.currency, converter);
  }
  for (const ch of charges) {
    if (ch.status !== 'succeeded' || idOf(ch.invoice) !== undefined) continue;
    addTo(sums, range, ch.created, ch.amount, ch.currency, converter);
  }
  return sums;
}

/** Refunds per month: the amount of every refund that succeeded (or has no status), at its created time. Positive numbers. */
export function refundsByMonth(refunds: readonly StripeRefund[], range: MonthRange, converter: Converter): number[] {
  const sums = new Array<number>(range.count).fill(0);
  for (const r of refunds) {
    if (r.status != null && r.status !== 'succeeded') continue;
    addTo(sums, range, r.created, r.amount, r.currency, converter);
  }
  return sums;
}

/** Balance transactions that are money from customers or given back to them (not payouts, transfers or top-ups). */
const customerMoneyTypes = new Set(['charge', 'payment', 'refund', 'payment_refund', 'payment_failure_refund', 'payment_reversal', 'adjustment']);
/** Balance transactions that are a fee Stripe charged on its own line (their amount is the fee, negative). */
const feeTypes = new Set(['stripe_fee', 'stripe_fx_fee', 'tax_fee']);

export interface FeesAndNet {
  /** Stripe's fees per month, positive */
  fees: number[];
  /** net revenue per month: what customers paid, less refunds, disputes and Stripe's fees */
  net: number[];
}

/**
 * Stripe fees and net revenue per month, from balance transactions (the only place Stripe
 * states its fees), each counted at its created time in the account's settlement currency.
 * Fees: the `fee` of every balance transaction, plus the amount of fees Stripe bills on a line
 * of their own (stripe_fee, stripe_fx_fee, tax_fee). Net revenue: the `net` (amount − fee) of
 * charges, payments, refunds and dispute adjustments, less those separate fees. Payouts,
 * transfers and top-ups move money without earning it and are left out.
 */
export function feesAndNetByMonth(transactions: readonly StripeBalanceTransaction[], range: MonthRange, converter: Converter): FeesAndNet {
  const fees = new Array<number>(range.count).fill(0);
  const net = new Array<number>(range.count).fill(0);
  for (const bt of transactions) {
    const ownLineFee = feeTypes.has(bt.type);
    if (bt.fee !== 0) addTo(fees, range, bt.created, bt.fee, bt.currency, converter);
    if (ownLineFee) addTo(fees, range, bt.created, -bt.amount, bt.currency, converter);
    if (ownLineFee || customerMoneyTypes.has(bt.type)) addTo(net, range, bt.created, bt.net, bt.currency, converter);
  }
  return { fees, net };
}
