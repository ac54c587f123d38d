import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../..';
import { startFakeStripe, type FakeStripe } from '../../../../tests/helpers/stripe';
import { stripeCore } from '../../../../tests/helpers/stripe/core';

const now = Date.UTC(2026, 10, 1) / 1000;
const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

function open(stripe: Pick<FakeStripe, 'url' | 'now'>): Core {
  const { core } = stripeCore(stripe as FakeStripe);
  closers.push(() => core.close());
  return core;
}
const dataText = (core: Core, table: string, id: string) => core.db.prepare(`SELECT data FROM ${table} WHERE id = ?`).pluck().get(id) as string;

const customer = { id: 'cus_text1', object: 'customer', created: now - 100, livemode: false, email: 'zoe@example.com', name: 'Zoë "the one" \\ 😀 {[x]}', currency: 'usd', metadata: { note: 'tab\there, line\nbreak' } };

describe('a full pass stores each object as Stripe sent it', () => {
  it('keeps each object’s own text from the page, strings and unicode as sent, and decimals the client would rewrite', async () => {
    const stripe = await startFakeStripe({ now });
    closers.push(() => stripe.close());
    const line = { id: 'il_text1', object: 'line_item', amount: 1250, currency: 'usd', quantity: 1, period: { start: now - 50, end: now + 50 }, pricing: { type: 'price_details', price_details: { price: 'price_text1', product: 'prod_text1' }, unit_amount_decimal: '12.50' } };
    const invoice = { id: 'in_text1', object: 'invoice', created: now - 50, livemode: false, customer: customer.id, status: 'paid', currency: 'usd', total: 1250, discounts: [], lines: { object: 'list', data: [line], has_more: false, total_count: 1, url: '/v1/invoices/in_text1/lines' } };
    stripe.put(customer, invoice);
    const core = open(stripe);
    await core.revenue.stripe.sync();

    expect(dataText(core, 'stripe_customers', customer.id)).toBe(JSON.stringify(customer));
    // the client turns unit_amount_decimal into a Decimal that would serialise as "12.5"
    expect(dataText(core, 'stripe_invoices', invoice.id)).toBe(JSON.stringify(invoice));
    expect(core.db.prepare('SELECT price, amount FROM stripe_invoice_lines WHERE id = ?').get(line.id)).toEqual({ price: 'price_text1', amount: 1250 });
  });

  it('stores a pretty-printed page’s objects without the padding', async () => {
    const customers = [customer, { id: 'cus_text2', object: 'customer', created: now - 200, livemode: false, email: null, name: 'Two  spaces', currency: null, metadata: {} }];
    // Stripe's own API answers indented: every list, the customers with two objects
    const server: Server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const data = path === '/v1/customers' ? customers : [];
      res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'req_pretty' });
      res.end(JSON.stringify({ object: 'list', data, has_more: false, url: path }, null, 2));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    closers.push(() => new Promise((resolve) => server.close(resolve)));
    const core = open({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, now: () => now });
    expect((await core.revenue.stripe.sync()).lastError).toBeNull();

    for (const c of customers) expect(dataText(core, 'stripe_customers', c.id)).toBe(JSON.stringify(c));
  });
});
