import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../..';
import type { EventPayload } from '../../../../shared/contract';
import { startFakeStripe, type FakeStripe, type StripeObject } from '../../../../tests/helpers/stripe';
import { stripeCore, testKey } from '../../../../tests/helpers/stripe/core';
import { parseApiBase } from '../stripe/api-base';
import { createStripeClient } from '../stripe/client';

const now = Date.UTC(2026, 10, 1) / 1000;
let stripe: FakeStripe;
const cores: Core[] = [];

const invoice = (id: string, extra: Record<string, unknown> = {}): StripeObject => ({
  id, object: 'invoice', customer: 'cus_f', currency: 'usd', amount_due: 4900, amount_paid: 0, amount_remaining: 4900, status: 'open', created: now - 3600, livemode: false,
  attempted: false, attempt_count: 0, lines: { object: 'list', data: [], has_more: false }, ...extra,
});

beforeEach(async () => {
  stripe = await startFakeStripe({ now });
  stripe.put({ id: 'cus_f', object: 'customer', email: 'f@example.com', created: now - 86_400, livemode: false }, invoice('in_open'));
});
afterEach(async () => {
  for (const core of cores.splice(0)) core.close();
  await stripe.close();
});

async function syncedCore() {
  const { core, clock } = stripeCore(stripe);
  cores.push(core);
  await core.revenue.stripe.sync();
  const failed: Array<EventPayload<'payment.failed'>> = [];
  core.events.on('payment.failed', (p) => failed.push(p));
  return { core, clock, failed };
}

describe('payment.failed', () => {
  it('is sent once for one declined payment, though Stripe sends charge.failed and invoice.payment_failed', async () => {
    const { core, clock, failed } = await syncedCore();
    stripe.setNow(now + 60);
    const client = createStripeClient(testKey, parseApiBase(stripe.url));
    const declined = await client.invoices.pay('in_open', { payment_method: 'pm_card_chargeDeclined' }).catch((err: unknown) => err as { type: string; code: string; raw: { charge: string } });
    expect(declined).toMatchObject({ type: 'StripeCardError', code: 'card_declined' });
    const chargeId = (declined as { raw: { charge: string } }).raw.charge;
    clock.set((now + 120) * 1000);

    const status = await core.revenue.stripe.sync();
    expect(status.lastPassCounts.events).toBeGreaterThanOrEqual(2);
    expect(core.db.prepare("SELECT type FROM stripe_events WHERE type IN ('charge.failed', 'invoice.payment_failed') ORDER BY type").pluck().all()).toEqual(['charge.failed', 'invoice.payment_failed']);
    expect(failed).toEqual([{ invoiceId: null, chargeId, customerId: 'cus_f', amount: 4900, currency: 'usd', at: (now + 60) * 1000, livemode: false }]);

    // the same events again (a webhook after the sync) are not a second failure
    await core.revenue.stripe.sync();
    expect(failed).toHaveLength(1);
  });

  it('names the invoice when the charge does, and lets an invoice that made no charge speak for itself (older API versions)', async () => {
    const { core, clock, failed } = await syncedCore();
    stripe.emit('charge.failed', { id: 'ch_old', object: 'charge', amount: 4900, currency: 'usd', customer: 'cus_f', invoice: 'in_open', status: 'failed', paid: false, created: now + 10, livemode: false }, now + 10);
    stripe.emit('invoice.payment_failed', { ...invoice('in_open'), charge: 'ch_old', attempted: true, attempt_count: 1 }, now + 10);
    // no payment method on file: the invoice's attempt made no charge
    stripe.put(invoice('in_nocard'));
    stripe.emit('invoice.payment_failed', { ...invoice('in_nocard'), charge: null, attempted: true, attempt_count: 1 }, now + 20);
    clock.set((now + 60) * 1000);

    await core.revenue.stripe.sync();
    expect(failed).toEqual([
      expect.objectContaining({ chargeId: 'ch_old', invoiceId: 'in_open', amount: 4900 }),
      expect.objectContaining({ chargeId: null, invoiceId: 'in_nocard', amount: 4900 }),
    ]);
  });
});
