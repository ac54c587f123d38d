import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '..';
import { startFakeStripe, type FakeStripe, type StripeObject } from '../../../tests/helpers/stripe';
import { stripeCore, webhookSecret } from '../../../tests/helpers/stripe/core';
import { mappedTables } from './data-map';
import { localSubjectOps } from './local-subject';
import { emailHash, pseudonyms } from './subject-keys';
import { subjectTables } from './subject-ops';

// Stripe keeps an erased customer's invoices and charges: the sync must store them anonymised from the start.

const now = Date.UTC(2026, 10, 1) / 1000;
const ada = { email: 'ada@example.com', customer: 'cus_ada' };
const standIn = pseudonyms(emailHash(ada.email)).customer;
let stripe: FakeStripe;
let core: Core;
let clock: ReturnType<typeof stripeCore>['clock'];

const invoice = (id: string, customer: string, email: string, at: number): StripeObject => ({
  id, object: 'invoice', customer, customer_email: email, customer_name: 'Someone', description: `invoice for ${email}`, currency: 'usd', status: 'paid', total: 4900, amount_due: 4900, amount_paid: 4900, amount_remaining: 0, created: at, livemode: false,
  lines: { object: 'list', data: [{ id: `il_${id}`, object: 'line_item', amount: 4900, currency: 'usd', invoice: id, period: { start: at, end: at + 86_400 }, quantity: 1, pricing: { type: 'price_details', price_details: { price: 'price_x', product: 'prod_x' }, unit_amount_decimal: '49.00' } }], has_more: false },
});
const charge = (id: string, customer: string, email: string, at: number): StripeObject => ({
  id, object: 'charge', customer, receipt_email: email, billing_details: { email, name: 'Someone', address: { city: 'London' } }, amount: 4900, amount_captured: 4900, amount_refunded: 0, currency: 'usd', status: 'succeeded', paid: true, refunded: false, created: at, livemode: false,
});

/** Ada's rows as the erasure's proof counts them, table by table: every count must stay 0. */
function proofCounts(customerIds: string[] = [ada.customer]): Record<string, number> {
  const ops = localSubjectOps(core.db);
  const keys = { email: ada.email, customerIds, itemIds: [] };
  return Object.fromEntries(subjectTables(mappedTables('local')).map((t) => [t.table, ops.count(t, keys)]).filter(([, n]) => n !== 0));
}

/** Every Stripe table's rows as text, for a search the proof's columns might not cover. */
function stripeText(): string {
  const tables = core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'stripe_%'").pluck().all() as string[];
  return tables.map((t) => JSON.stringify(core.db.prepare(`SELECT * FROM "${t}"`).all())).join('\n').toLowerCase();
}

function expectAdaAnonymised(customerIds?: string[]): void {
  expect(proofCounts(customerIds)).toEqual({});
  const text = stripeText();
  expect(text).not.toContain('ada@');
  expect(text).not.toContain(ada.customer);
  // Bob, never erased, is stored as Stripe sent him
  expect(core.db.prepare("SELECT customer FROM stripe_invoices WHERE id = 'in_bob'").pluck().get()).toBe('cus_bob');
  expect(core.db.prepare("SELECT data FROM stripe_charges WHERE id = 'ch_bob'").pluck().get()).toContain('bob@example.com');
  expect(core.db.prepare("SELECT email FROM stripe_customers WHERE id = 'cus_bob'").pluck().get()).toBe('bob@example.com');
}

function webhook(event: StripeObject): void {
  const payload = JSON.stringify(event);
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret, timestamp: stripe.now() });
  core.revenue.stripe.applyWebhook(payload, signature);
}

beforeEach(async () => {
  stripe = await startFakeStripe({ now });
  stripe.put(
    { id: ada.customer, object: 'customer', email: ada.email, name: 'Ada', created: now - 86_400, livemode: false },
    { id: 'cus_bob', object: 'customer', email: 'bob@example.com', name: 'Bob', created: now - 86_400, livemode: false },
    invoice('in_ada', ada.customer, ada.email, now - 3600),
    charge('ch_ada', ada.customer, ada.email, now - 3600),
    invoice('in_bob', 'cus_bob', 'bob@example.com', now - 3600),
    charge('ch_bob', 'cus_bob', 'bob@example.com', now - 3600),
  );
  ({ core, clock } = stripeCore(stripe));
  await core.revenue.stripe.sync();
  const filed = await core.compliance.file({ email: ada.email, kind: 'erase', law: 'gdpr', source: 'app' });
  core.approvals.approve(filed.approvalId!, { by: 'founder' });
  await core.approvals.settled();
  expect(core.compliance.get(filed.id)).toMatchObject({ status: 'answered', proof: { passed: true } });
  expect(stripe.get(ada.customer)?.deleted).toBe(true);
  stripe.setNow(now + 60);
  clock.set((now + 60) * 1000);
});
afterEach(async () => {
  core.close();
  await stripe.close();
});

describe('an erased customer and the Stripe sync', () => {
  it('a full pass stores the invoice and charge Stripe kept anonymised, the invoice kept (legal hold)', async () => {
    const status = await core.revenue.stripe.sync({ full: true });
    expect(status.lastPassFull).toBe(true);
    expectAdaAnonymised();
    expect(core.db.prepare("SELECT customer FROM stripe_invoices WHERE id = 'in_ada'").pluck().get()).toBe(standIn);
    expect(core.db.prepare("SELECT customer FROM stripe_charges WHERE id = 'ch_ada'").pluck().get()).toBe(standIn);
    expect(core.db.prepare("SELECT count(*) FROM stripe_customers WHERE id = ?").pluck().get(ada.customer)).toBe(0);
  });

  it('the incremental sync applies their events anonymised: the customer deleted, an invoice and a charge changed', async () => {
    stripe.emit('invoice.updated', { ...invoice('in_ada', ada.customer, ada.email, now - 3600), description: 'second thoughts, ada@example.com' }, now + 30);
    stripe.emit('charge.refunded', { ...charge('ch_ada', ada.customer, ada.email, now - 3600), refunded: true, amount_refunded: 4900 }, now + 30);
    const sent: unknown[] = [];
    core.events.on('stripe.event', (p) => sent.push(p));
    const status = await core.revenue.stripe.sync();
    expect(status.lastPassFull).toBe(false);
    expect(status.lastPassCounts.events).toBeGreaterThanOrEqual(3);
    expectAdaAnonymised();
    expect(core.db.prepare("SELECT amount_refunded FROM stripe_charges WHERE id = 'ch_ada'").pluck().get()).toBe(4900);
    expect(core.db.prepare("SELECT object_id FROM stripe_events WHERE type = 'customer.deleted'").pluck().get()).toBe(standIn);
    // what the sync tells the rest of the app carries the stand-in, never the person
    expect(JSON.stringify(sent)).not.toContain('ada@');
    expect(JSON.stringify(sent)).not.toContain(ada.customer);
  });

  it('a signed webhook stores them anonymised too, found by customer id or by an address the ledger holds', async () => {
    webhook({ id: 'evt_w1', object: 'event', type: 'invoice.paid', created: now + 30, livemode: false, data: { object: invoice('in_ada2', ada.customer, ada.email, now + 30) } });
    webhook({ id: 'evt_w2', object: 'event', type: 'charge.succeeded', created: now + 30, livemode: false, data: { object: charge('ch_new', 'cus_new', 'Ada@Example.com', now + 30) } });
    webhook({ id: 'evt_w3', object: 'event', type: 'customer.created', created: now + 30, livemode: false, data: { object: { id: 'cus_new', object: 'customer', email: 'ada@example.com', created: now + 30, livemode: false } } });
    expectAdaAnonymised([ada.customer, 'cus_new']);
    expect(stripeText()).not.toContain('cus_new');
    expect(core.db.prepare("SELECT customer FROM stripe_invoices WHERE id = 'in_ada2'").pluck().get()).toBe(standIn);
    expect(core.db.prepare("SELECT amount FROM stripe_charges WHERE id = 'ch_new'").pluck().get()).toBe(4900);
    expect(core.db.prepare("SELECT count(*) FROM stripe_customers").pluck().get()).toBe(1);
  });
});
