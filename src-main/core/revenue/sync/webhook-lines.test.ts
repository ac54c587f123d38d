import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../..';
import { startFakeStripe, type FakeStripe, type StripeObject } from '../../../../tests/helpers/stripe';
import { stripeCore, webhookSecret } from '../../../../tests/helpers/stripe/core';

const now = Date.UTC(2026, 10, 1) / 1000;
let stripe: FakeStripe;
const cores: Core[] = [];

/** An invoice of `count` one-off lines: more than the 10 Stripe embeds, and more than one page of the rest. */
function bigInvoice(count: number): StripeObject {
  const data = Array.from({ length: count }, (_, i) => ({ id: `il_${String(i).padStart(4, '0')}`, object: 'line_item', amount: 100 + i, currency: 'usd', invoice: 'in_big', period: { start: now - 86_400, end: now }, quantity: 1 }));
  return {
    id: 'in_big', object: 'invoice', customer: 'cus_w', currency: 'usd', status: 'paid', amount_paid: 0, amount_due: 0, created: now - 3600, livemode: false,
    lines: { object: 'list', data, has_more: false, total_count: count, url: '/v1/invoices/in_big/lines' },
  };
}

/** The invoice as a webhook carries it: its first 10 lines, `has_more` set. */
function webhookOf(invoice: StripeObject): { payload: string; signature: string } {
  const lines = invoice.lines as { data: unknown[] };
  const object = { ...invoice, lines: { ...lines, data: lines.data.slice(0, 10), has_more: true } };
  const payload = JSON.stringify({ id: 'evt_big', object: 'event', type: 'invoice.paid', created: now, livemode: false, data: { object } });
  return { payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret, timestamp: now }) };
}

beforeEach(async () => {
  stripe = await startFakeStripe({ now });
  stripe.put({ id: 'cus_w', object: 'customer', email: 'w@example.com', created: now - 86_400, livemode: false }, bigInvoice(215));
});
afterEach(async () => {
  for (const core of cores.splice(0)) core.close();
  await stripe.close();
});

const lineIds = (core: Core) => core.db.prepare("SELECT id FROM stripe_invoice_lines WHERE invoice_id = 'in_big' ORDER BY id").pluck().all() as string[];

describe('an invoice that came by webhook with more lines than it carries', () => {
  it('is answered at once with its 10 lines, then gets the rest, page after page, from its lines endpoint', async () => {
    const { core } = stripeCore(stripe);
    cores.push(core);
    const { payload, signature } = webhookOf(bigInvoice(215));
    expect(core.revenue.stripe.applyWebhook(payload, signature)).toMatchObject({ applied: true, duplicate: false });
    expect(lineIds(core)).toHaveLength(10);
    await vi.waitFor(() => expect(lineIds(core)).toHaveLength(215), { timeout: 3_000, interval: 10 });
    expect(lineIds(core)).toEqual((bigInvoice(215).lines as { data: Array<{ id: string }> }).data.map((l) => l.id));
    const amount = core.db.prepare("SELECT sum(amount) FROM stripe_invoice_lines WHERE invoice_id = 'in_big'").pluck().get();
    expect(amount).toBe(215 * 100 + (214 * 215) / 2);
  });

  it('keeps its 10 lines without failing the webhook when no key is set to list the rest (they come with the next full sync)', async () => {
    const { core } = stripeCore(stripe, { key: null });
    cores.push(core);
    const { payload, signature } = webhookOf(bigInvoice(215));
    expect(core.revenue.stripe.applyWebhook(payload, signature)).toMatchObject({ applied: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lineIds(core)).toHaveLength(10);
  });
});
