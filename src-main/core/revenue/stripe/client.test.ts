import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStripeClient } from './client';
import { parseApiBase } from './api-base';
import { generateDataset, loadDataset, startFakeStripe, type FakeStripe } from '../../../../tests/helpers/stripe';
import { testKey } from '../../../../tests/helpers/stripe/core';

const now = Date.UTC(2026, 10, 1) / 1000;
let stripe: FakeStripe;
let client: Stripe;
beforeEach(async () => {
  stripe = await startFakeStripe({ now });
  loadDataset(stripe, generateDataset({ seed: 3, customers: 30, now }));
  client = createStripeClient(testKey, parseApiBase(stripe.url));
});
afterEach(() => stripe.close());

describe('the official client on stripe.apiBase, against the local Stripe', () => {
  it('lists newest first in pages with starting_after and has_more, and auto-pagination reaches every object', async () => {
    const first = await client.customers.list({ limit: 7 });
    expect(first).toMatchObject({ object: 'list', url: '/v1/customers', has_more: true });
    expect(first.data).toHaveLength(7);
    const created = first.data.map((c) => c.created);
    expect([...created].sort((a, b) => b - a)).toEqual(created);
    const second = await client.customers.list({ limit: 7, starting_after: first.data.at(-1)!.id });
    expect(second.data[0]!.created).toBeLessThanOrEqual(first.data.at(-1)!.created);
    const all = await client.customers.list({ limit: 7 }).autoPagingToArray({ limit: 1000 });
    expect(new Set(all.map((c) => c.id)).size).toBe(30);
  });

  it('expands, gets by id, filters events by created and types[], and answers Stripe\u2019s error objects', async () => {
    const subs = await client.subscriptions.list({ status: 'all', limit: 100, expand: ['data.discounts'] });
    const discounted = subs.data.find((s) => s.discounts.length > 0);
    if (discounted) expect(discounted.discounts[0]).toMatchObject({ object: 'discount', source: { type: 'coupon' } });
    expect((await client.subscriptions.list({ limit: 100 })).data.every((s) => s.status !== 'canceled')).toBe(true);
    const one = await client.customers.retrieve(subs.data[0]!.customer as string);
    expect(one.object).toBe('customer');
    await expect(client.customers.retrieve('cus_missing')).rejects.toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 404, code: 'resource_missing', param: 'id', message: expect.stringContaining("No such customer: 'cus_missing'") });

    const events = await client.events.list({ limit: 100, types: ['invoice.paid'], created: { gt: now - 10 * 86_400 } });
    expect(events.data.length).toBeGreaterThan(0);
    expect(events.data.every((e) => e.type === 'invoice.paid' && e.created > now - 10 * 86_400)).toBe(true);

    const bad = createStripeClient('sk_test_wrong123456', parseApiBase(stripe.url));
    await expect(bad.customers.list()).rejects.toMatchObject({ type: 'StripeAuthenticationError', statusCode: 401, message: expect.stringContaining('Invalid API Key provided: sk_test_****3456') });
  });

  it('creates products, prices and payment links from form bodies, replaying a repeated idempotency key', async () => {
    const product = await client.products.create({ name: 'DFY setup', metadata: { tier: 'gold' } }, { idempotencyKey: 'k1' });
    expect(product).toMatchObject({ object: 'product', name: 'DFY setup', metadata: { tier: 'gold' } });
    const replay = await client.products.create({ name: 'DFY setup', metadata: { tier: 'gold' } }, { idempotencyKey: 'k1' });
    expect(replay.id).toBe(product.id);
    await expect(client.products.create({ name: 'Other' }, { idempotencyKey: 'k1' })).rejects.toMatchObject({ type: 'StripeIdempotencyError' });
    const price = await client.prices.create({ product: product.id, unit_amount: 49_900, currency: 'usd', recurring: { interval: 'month' } });
    expect(price).toMatchObject({ object: 'price', unit_amount: 49_900, type: 'recurring', recurring: { interval: 'month', interval_count: 1 } });
    const link = await client.paymentLinks.create({ line_items: [{ price: price.id, quantity: 1 }] });
    expect(link).toMatchObject({ object: 'payment_link', active: true, url: expect.stringMatching(/^https:\/\/buy\.stripe\.com\//) });
    const created = await client.events.list({ types: ['product.created', 'price.created', 'payment_link.created'], created: { gte: now } });
    expect(created.data.map((e) => e.type)).toEqual(['payment_link.created', 'price.created', 'product.created']);
    await expect(client.prices.create({ product: product.id, currency: 'usd' } as Stripe.PriceCreateParams)).resolves.toMatchObject({ unit_amount: null });
  });
});

describe('why the app retries by itself', () => {
  it('the client\u2019s own retries (maxNetworkRetries) repeat a 500 but give up on a 429 at once, Retry-After unread', async () => {
    const own = new Stripe(testKey, { ...parseApiBase(stripe.url), maxNetworkRetries: 2, telemetry: false });
    stripe.inject({ status: 500, times: 1, path: '/v1/products' });
    await expect(own.products.list({ limit: 1 })).resolves.toMatchObject({ object: 'list' });
    stripe.inject({ status: 429, retryAfter: 0, times: 1, path: '/v1/prices' });
    await expect(own.prices.list({ limit: 1 })).rejects.toMatchObject({ type: 'StripeRateLimitError', statusCode: 429 });
    expect(stripe.requests.filter((r) => r.path === '/v1/products')).toHaveLength(2);
    expect(stripe.requests.filter((r) => r.path === '/v1/prices')).toHaveLength(1);
  });

  it('withStripeRetry tries a 429 again after Retry-After, and stops at once on a 4xx that is not transient', async () => {
    const { withStripeRetry } = await import('./retry');
    stripe.inject({ status: 429, retryAfter: 1, times: 1, path: '/v1/prices' });
    const started = Date.now();
    await expect(withStripeRetry(() => client.prices.list({ limit: 1 }))).resolves.toMatchObject({ object: 'list' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const before = stripe.requests.length;
    await expect(withStripeRetry(() => client.customers.retrieve('cus_missing'))).rejects.toMatchObject({ statusCode: 404 });
    expect(stripe.requests.length).toBe(before + 1);
  });
});

describe('stripe.apiBase and the key\u2019s mode', () => {
  it('parses the address into host, port and protocol, refusing a path', async () => {
    const { modeOfKey } = await import('./mode');
    expect(parseApiBase('https://api.stripe.com/')).toEqual({ host: 'api.stripe.com', port: 443, protocol: 'https' });
    expect(parseApiBase('http://127.0.0.1:12111')).toEqual({ host: '127.0.0.1', port: 12111, protocol: 'http' });
    expect(() => parseApiBase('https://api.stripe.com/v1')).toThrow(/stripe.apiBase: must be the address alone/);
    expect([modeOfKey('sk_test_a'), modeOfKey('rk_test_a'), modeOfKey('sk_live_a'), modeOfKey('rk_live_a'), modeOfKey('pk_live_a')]).toEqual(['test', 'test', 'live', 'live', undefined]);
  });
});
