import { describe, expect, it } from 'vitest';
import { at, revenueInput } from '../../../../tests/helpers/stripe-objects';
import { computeRevenueMetrics } from './compute';
import type { StripeBalanceTransaction, StripeCharge, StripeInvoice, StripeRefund } from './model';

function invoice(id: string, amount: number, paidAt: string, extra: Partial<StripeInvoice> = {}): StripeInvoice {
  return { id, customer: 'cus_1', currency: 'usd', status: 'paid', amount_paid: amount, created: at(paidAt) - 3600, status_transitions: { paid_at: at(paidAt) }, ...extra };
}

function charge(id: string, amount: number, created: string, extra: Partial<StripeCharge> = {}): StripeCharge {
  return { id, customer: 'cus_1', amount, currency: 'usd', created: at(created), status: 'succeeded', invoice: null, ...extra };
}

function bt(id: string, type: string, amount: number, fee: number, created: string): StripeBalanceTransaction {
  return { id, type, amount, fee, net: amount - fee, currency: 'usd', created: at(created) };
}

const asOf = at('2026-03-20');

describe('cash figures per month', () => {
  it('one-off revenue: paid invoices without a subscription and charges without an invoice, never twice', () => {
    const invoices = [
      invoice('in_dfy', 150000, '2026-03-02'), // DFY package invoice: counted
      invoice('in_sub', 4900, '2026-03-03', { subscription: 'sub_1' }), // subscription invoice: not one-off
      invoice('in_sub25', 4900, '2026-03-03', { parent: { subscription_details: { subscription: 'sub_2' } } }), // 2025 API shape: not one-off
      invoice('in_open', 9900, '2026-03-04', { status: 'open' }), // not paid: not counted
      invoice('in_feb', 20000, '2026-02-27'), // February
    ];
    const charges = [
      charge('ch_link', 2900, '2026-03-05'), // payment link product sale: counted
      charge('ch_of_dfy', 150000, '2026-03-02', { invoice: 'in_dfy' }), // the DFY invoice's charge: already counted
      charge('ch_failed', 2900, '2026-03-06', { status: 'failed' }), // failed: not counted
    ];
    const r = computeRevenueMetrics(revenueInput({ invoices, charges }), { asOf, months: 2 });
    // February: 20000; March: 150000 + 2900 = 152900
    expect(r.months.map((m) => m.oneOffRevenue)).toEqual([20000, 152900]);
    expect(r.kpis.oneOffRevenue.change).toBe(132900);
  });

  it('refunds: succeeded ones, in the month they were made', () => {
    const refunds: StripeRefund[] = [
      { id: 're_1', amount: 4900, currency: 'usd', created: at('2026-03-10'), status: 'succeeded', charge: 'ch_1' },
      { id: 're_2', amount: 1000, currency: 'usd', created: at('2026-03-11') }, // no status: succeeded
      { id: 're_3', amount: 7000, currency: 'usd', created: at('2026-03-12'), status: 'failed' },
      { id: 're_4', amount: 500, currency: 'usd', created: at('2026-02-12'), status: 'succeeded' },
    ];
    const r = computeRevenueMetrics(revenueInput({ refunds }), { asOf, months: 2 });
    // February 500; March 4900 + 1000 = 5900 (the failed 7000 is not a refund)
    expect(r.months.map((m) => m.refunds)).toEqual([500, 5900]);
  });

  it('fees and net revenue from balance transactions; payouts are neither', () => {
    const txns = [
      bt('txn_1', 'charge', 10000, 320, '2026-03-02'), // $100 charge, $3.20 fee, net 9680
      bt('txn_2', 'charge', 4900, 172, '2026-03-03'), // net 4728
      bt('txn_3', 'refund', -4900, 0, '2026-03-10'), // refund: net −4900
      bt('txn_4', 'stripe_fee', -200, 0, '2026-03-15'), // a fee on its own line (Billing): fee 200, net −200
      bt('txn_5', 'payout', -9000, 0, '2026-03-16'), // money to the bank: not revenue
      bt('txn_6', 'adjustment', -1500, 1500, '2026-03-17'), // dispute: −1500 and a 1500 fee, net −3000
    ];
    const r = computeRevenueMetrics(revenueInput({ balanceTransactions: txns }), { asOf, months: 1 });
    const m = r.months[0]!;
    // fees: 320 + 172 + 200 + 1500 = 2192
    expect(m.fees).toBe(2192);
    // net: 9680 + 4728 − 4900 − 200 − 3000 = 6308
    expect(m.netRevenue).toBe(6308);
  });
});
