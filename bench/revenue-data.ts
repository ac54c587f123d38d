import type { RevenueInput, StripeBalanceTransaction, StripeCharge, StripeInvoice, StripePrice, StripeRefund, SubscriptionVersion } from '../src-main/core/revenue/metrics';
import { rng } from '../tests/helpers/traffic';
import { at, coupon, discount, price, revenueInput, subscription, version } from '../tests/helpers/stripe-objects';

const catalogue: StripePrice[] = [
  price(1900, 'month', { id: 'price_starter' }),
  price(4900, 'month', { id: 'price_pro' }),
  price(9900, 'month', { id: 'price_team' }),
  price(19000, 'year', { id: 'price_starter_y' }),
  price(49000, 'year', { id: 'price_pro_y' }),
  price(500, 'week', { id: 'price_weekly' }),
  price(12900, 'month', { id: 'price_quarter', intervalCount: 3 }),
  price(4500, 'month', { id: 'price_pro_eur', currency: 'eur' }),
];

export interface RevenueVolume {
  customers: number;
  subscriptions: number;
  invoices: number;
}

/**
 * The volume in memory: customers with one subscription each and some with a second,
 * 30 months of history before `asOf`; about a third of subscriptions change plan or seats,
 * one in ten starts with a trial, one in ten has a discount, one in six ends (half of them
 * with cancel_at_period_end). Invoices mostly bill subscriptions, one in ten is a one-off
 * (DFY, products); every invoice has its charge and balance transaction; a few refunds.
 */
export function revenueData(volume: RevenueVolume, asOf: number): RevenueInput {
  const rnd = rng(17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const from = at('2024-01-01');
  const span = asOf - from;
  const month = 30 * 86_400;
  const versions: SubscriptionVersion[] = [];
  for (let i = 0; i < volume.subscriptions; i++) {
    const id = `sub_${i}`;
    const customer = `cus_${i % volume.customers}`;
    const start = from + Math.floor(rnd() * span);
    const p = pick(catalogue);
    const seats = 1 + Math.floor(rnd() * 3);
    const trial = rnd() < 0.1;
    const extra = rnd() < 0.1 ? { discount: discount(coupon(rnd() < 0.5 ? { percentOff: 20 } : { amountOff: 500 }, 'repeating', 3), start) } : {};
    if (trial) versions.push(version(subscription(id, customer, [[p, seats]], { status: 'trialing', trial_start: start, trial_end: start + 14 * 86_400 }), start));
    const paidFrom = trial ? start + 14 * 86_400 : start;
    const active = subscription(id, customer, [[p, seats]], extra);
    versions.push(version(active, paidFrom));
    let last = active;
    let t = paidFrom;
    if (rnd() < 0.33) {
      t += Math.floor(rnd() * 6 * month);
      last = subscription(id, customer, [[pick(catalogue), seats + (rnd() < 0.5 ? 1 : 0)]], extra);
      versions.push(version(last, t));
    }
    if (rnd() < 0.16) {
      const clickAt = t + Math.floor(rnd() * 6 * month);
      const endAt = clickAt + Math.floor(rnd() * month);
      if (rnd() < 0.5) versions.push(version({ ...last, cancel_at_period_end: true, canceled_at: clickAt, cancel_at: endAt }, clickAt));
      versions.push(version({ ...last, status: 'canceled', canceled_at: clickAt, ended_at: endAt }, endAt));
    }
  }

  const invoices: StripeInvoice[] = [];
  const charges: StripeCharge[] = [];
  const balanceTransactions: StripeBalanceTransaction[] = [];
  const refunds: StripeRefund[] = [];
  for (let i = 0; i < volume.invoices; i++) {
    const paidAt = from + Math.floor(rnd() * span);
    const oneOff = rnd() < 0.1;
    const currency = rnd() < 0.1 ? 'eur' : 'usd';
    const amount = oneOff ? 50_000 + Math.floor(rnd() * 200_000) : pick(catalogue).unit_amount!;
    const id = `in_${i}`;
    invoices.push({ id, customer: `cus_${i % volume.customers}`, currency, status: 'paid', amount_paid: amount, created: paidAt - 3600, status_transitions: { paid_at: paidAt }, subscription: oneOff ? null : `sub_${i % volume.subscriptions}` });
    charges.push({ id: `ch_${i}`, customer: `cus_${i % volume.customers}`, amount, currency, created: paidAt, status: 'succeeded', invoice: id });
    const fee = Math.round(amount * 0.029) + 30;
    balanceTransactions.push({ id: `txn_${i}`, type: 'charge', amount, fee, net: amount - fee, currency, created: paidAt });
    if (rnd() < 0.02) {
      refunds.push({ id: `re_${i}`, amount, currency, created: paidAt + 86_400, status: 'succeeded', charge: `ch_${i}` });
      balanceTransactions.push({ id: `txn_re_${i}`, type: 'refund', amount: -amount, fee: 0, net: -amount, currency, created: paidAt + 86_400 });
    }
  }
  return revenueInput({ subscriptionVersions: versions, invoices, charges, refunds, balanceTransactions, rates: { base: 'usd', rates: { eur: 1.08 } } });
}
