import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '..';
import { startFakeStripe, type FakeStripe } from '../../../tests/helpers/stripe';
import { stripeCore, webhookSecret } from '../../../tests/helpers/stripe/core';
import { putThreeCustomers, threeCustomersNow } from '../../../tests/helpers/stripe/three-customers';

const now = Date.UTC(2026, 10, 1) / 1000;
let stripe: FakeStripe;
let core: Core;

beforeEach(async () => {
  stripe = await startFakeStripe({ now });
  core = stripeCore(stripe).core;
});
afterEach(async () => {
  core.close();
  await stripe.close();
});

const charge = (id: string, status: string, created: number, amount: number, currency = 'usd') => ({
  id, object: 'charge', created, status, currency, amount, amount_captured: status === 'succeeded' ? amount : 0, amount_refunded: 0, customer: 'cus_g1', livemode: false, paid: status === 'succeeded', refunded: false, payment_intent: null, balance_transaction: null,
});

describe('revenue in Guardian', () => {
  it('deducts for payments that failed in the last 7 days, naming the charges and amounts per currency', async () => {
    stripe.put(charge('ch_old', 'failed', now - 8 * 86_400, 1000), charge('ch_ok', 'succeeded', now - 3600, 2000), charge('ch_f1', 'failed', now - 7200, 4900), charge('ch_f2', 'failed', now - 3600, 1500, 'eur'));
    await core.revenue.stripe.sync();
    const { findings } = core.guardian.findings();
    expect(findings.filter((f) => f.kind === 'failed_payments')).toEqual([
      expect.objectContaining({ cause: '2 Stripe payments failed in the last 7 days (€15.00 + $49.00)', evidence: 'charges ch_f2, ch_f1', evidenceTime: { label: 'last failure', at: (now - 3600) * 1000 }, weight: 10 }),
    ]);
    const summary = core.guardian.summary();
    expect(summary.breakdown).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'failed_payments', points: 10 })]));
    expect(summary.revenue).toEqual({
      stripeConfigured: true,
      mode: 'test',
      failedPayments7d: { count: 2, byCurrency: { usd: 4900, eur: 1500 }, lastAt: (now - 3600) * 1000 },
      openDfyRequests: 0,
      webhooks24h: { accepted: 0, refused: 0 },
      // charges alone: no subscription, so no recurring revenue
      mrr: { amountMinor: 0, currency: 'usd', change: 0 },
      mrrNote: null,
    });
    expect(core.guardian.healingPlan().steps).toEqual(expect.arrayContaining([expect.objectContaining({ finding: 'failed_payments', action: 'review_failed_payments', class: 'A' })]));
  });

  it('counts webhook deliveries refused for their signature and deducts at a rate of 10% or more (3 at least)', () => {
    const payload = JSON.stringify({ id: 'evt_g1', object: 'event', created: now - 5, livemode: false, type: 'customer.created', data: { object: { id: 'cus_g1', object: 'customer', created: now - 5, livemode: false } } });
    const sign = (secret: string) => Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: now });
    core.revenue.stripe.applyWebhook(payload, sign(webhookSecret));
    for (let i = 0; i < 2; i++) expect(() => core.revenue.stripe.applyWebhook(payload, sign('whsec_forged'))).toThrow(/stripe-signature/);
    expect(core.guardian.findings().findings.filter((f) => f.kind === 'webhook_failures')).toEqual([]);
    expect(() => core.revenue.stripe.applyWebhook(payload, '')).toThrow(/stripe-signature: is missing/);
    const [finding] = core.guardian.findings().findings.filter((f) => f.kind === 'webhook_failures');
    expect(finding).toMatchObject({ cause: '75% of Stripe webhook deliveries were refused in 24 h (3 of 4)', evidence: expect.stringContaining('stripe-signature: is missing'), weight: 10 });
    expect(core.guardian.summary().revenue?.webhooks24h).toEqual({ accepted: 1, refused: 3 });
  });

  it('says failed payments are not assessed without a Stripe key', async () => {
    core.secrets.clear('stripe.secretKey');
    expect(core.guardian.findings().notAssessed).toEqual(expect.arrayContaining([{ kind: 'failed_payments', reason: 'no Stripe secret key is set' }]));
    expect(core.guardian.summary().revenue).toMatchObject({ stripeConfigured: false, mode: null, mrr: null, mrrNote: 'no Stripe secret key is set' });
  });
});

describe('MRR in the executive summary', () => {
  let book: FakeStripe;
  let bookCore: Core;
  beforeEach(async () => {
    book = await startFakeStripe({ now: threeCustomersNow });
    putThreeCustomers(book);
    bookCore = stripeCore(book).core;
  });
  afterEach(async () => {
    bookCore.close();
    await book.close();
  });

  it('gives this month\u2019s MRR and its change from the synced tables, and says which rate is missing instead of mixing currencies', async () => {
    await bookCore.revenue.stripe.sync();
    // cus_c pays in euros and no rate is set yet
    expect(bookCore.guardian.summary().revenue).toMatchObject({ mrr: null, mrrNote: expect.stringMatching(/^MRR cannot be given: .*eur/i) });
    bookCore.settings.set('revenue.rates', { eur: 1.2 });
    // 2 × $19 + $1,200 / 12 + €50 × 1.2 = 3800 + 10000 + 6000; October closed at 13800
    expect(bookCore.guardian.summary().revenue).toMatchObject({ mrr: { amountMinor: 19800, currency: 'usd', change: 6000 }, mrrNote: null });
  });
});
