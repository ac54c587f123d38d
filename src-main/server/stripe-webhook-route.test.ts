import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../core';
import { serveInProcess, type InProcessServer } from '../../tests/helpers/in-process-server';
import { webhookSecret } from '../../tests/helpers/stripe/core';

const now = Date.UTC(2026, 10, 1) / 1000;
const servers: InProcessServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function serve() {
  const clock = new ManualClock(now * 1000);
  const s = await serveInProcess({ clock });
  servers.push(s);
  s.core.secrets.set('stripe.webhookSecret', webhookSecret);
  const post = (payload: string, signature?: string) =>
    fetch(`${s.server.url}webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature !== undefined ? { 'stripe-signature': signature } : {}) }, body: payload });
  const sign = (payload: string, options: { secret?: string; timestamp?: number } = {}) =>
    Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? webhookSecret, timestamp: options.timestamp ?? now });
  const stored = (id: string) => {
    const row = s.core.db.prepare('SELECT status, state_at, data FROM stripe_subscriptions WHERE id = ?').get(id) as { status: string; state_at: number; data: string } | undefined;
    return row && { status: row.status, stateAt: row.state_at, quantity: (JSON.parse(row.data) as { items: { data: Array<{ quantity: number }> } }).items.data[0]!.quantity };
  };
  const events = () => s.core.db.prepare('SELECT count(*) FROM stripe_events').pluck().get() as number;
  return { s, post, sign, stored, events, clock };
}

function subscriptionEvent(id: string, created: number, over: { status?: string; quantity?: number; type?: string } = {}): string {
  const sub = {
    id: 'sub_hook1', object: 'subscription', cancel_at_period_end: false, canceled_at: null, created: now - 86_400, currency: 'usd', customer: 'cus_hook1', discounts: [], ended_at: null,
    items: { object: 'list', data: [{ id: 'si_hook1', object: 'subscription_item', created: now - 86_400, price: { id: 'price_hook1', object: 'price', unit_amount: 1900, currency: 'usd', recurring: { interval: 'month', interval_count: 1 } }, quantity: over.quantity ?? 1, subscription: 'sub_hook1' }], has_more: false, url: '/v1/subscription_items?subscription=sub_hook1' },
    livemode: false, start_date: now - 86_400, status: over.status ?? 'active', trial_end: null, trial_start: null,
  };
  return JSON.stringify({ id, object: 'event', api_version: '2026-11-18.endive', created, data: { object: sub }, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type: over.type ?? 'customer.subscription.updated' });
}

describe('POST /webhooks/stripe', () => {
  it('applies a validly signed event once, by its id, without the access token', async () => {
    const { post, sign, stored, events } = await serve();
    const payload = subscriptionEvent('evt_hook_a', now - 10, { quantity: 3 });
    const first = await post(payload, sign(payload));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, eventId: 'evt_hook_a', applied: true, duplicate: false });
    expect(stored('sub_hook1')).toEqual({ status: 'active', stateAt: now - 10, quantity: 3 });
    // Stripe delivers again (a retry after a timeout): a new signature, the same event
    const again = await post(payload, sign(payload, { timestamp: now - 5 }));
    expect(await again.json()).toEqual({ received: true, eventId: 'evt_hook_a', applied: false, duplicate: true });
    expect(events()).toBe(1);
  });

  it('refuses a forged, unsigned, tampered or too-old delivery with 400 and stores nothing', async () => {
    const { post, sign, stored, events } = await serve();
    const payload = subscriptionEvent('evt_hook_b', now - 10);
    const wrong = await post(payload, sign(payload, { secret: 'whsec_notTheOne' }));
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ error: { code: 'BAD_INPUT', field: 'stripe-signature', message: 'stripe-signature: does not match the body and stripe.webhookSecret' } });
    expect((await post(payload)).status).toBe(400);
    expect((await post(payload.replace('"quantity":1', '"quantity":9'), sign(payload))).status).toBe(400);
    const old = await post(payload, sign(payload, { timestamp: now - 301 }));
    expect(old.status).toBe(400);
    expect(((await old.json()) as { error: { message: string } }).error.message).toBe('stripe-signature: is older than 5 minutes (a replay?)');
    expect(stored('sub_hook1')).toBeUndefined();
    expect(events()).toBe(0);
    // inside the 300 s tolerance it is accepted
    expect((await post(payload, sign(payload, { timestamp: now - 299 }))).status).toBe(200);
  });

  it('never lets an older event overwrite a newer state delivered before it', async () => {
    const { post, sign, stored } = await serve();
    const newer = subscriptionEvent('evt_hook_new', now - 10, { status: 'canceled', type: 'customer.subscription.deleted' });
    const older = subscriptionEvent('evt_hook_old', now - 60, { quantity: 5 });
    expect(await (await post(newer, sign(newer))).json()).toMatchObject({ applied: true });
    expect(await (await post(older, sign(older))).json()).toEqual({ received: true, eventId: 'evt_hook_old', applied: false, duplicate: false });
    expect(stored('sub_hook1')).toEqual({ status: 'canceled', stateAt: now - 10, quantity: 1 });
  });

  it('answers 413 to a body over 1 MB', async () => {
    const { post, events } = await serve();
    const big = JSON.stringify({ id: 'evt_big', pad: 'x'.repeat(1024 * 1024) });
    const res = await post(big, 't=1,v1=00');
    expect(res.status).toBe(413);
    expect(events()).toBe(0);
  });

  it('answers 503 naming the secret while stripe.webhookSecret is not set', async () => {
    const { s, post, sign } = await serve();
    s.core.secrets.clear('stripe.webhookSecret');
    const payload = subscriptionEvent('evt_hook_c', now);
    const res = await post(payload, sign(payload));
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('stripe.webhookSecret: is not set');
  });
});
