import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../..';
import { createDispatcher } from '../../../api/dispatcher';
import { dispatcherCall, type Answer } from '../../../../tests/helpers/dispatcher-call';
import { startFakeStripe, type FakeStripe } from '../../../../tests/helpers/stripe';
import { stripeCore } from '../../../../tests/helpers/stripe/core';
import { idempotencyKeyFor } from '.';

const now = Date.UTC(2026, 10, 1) / 1000;
let stripe: FakeStripe;
let core: Core;
let call: (name: string, input: unknown) => Promise<Answer>;

beforeEach(async () => {
  stripe = await startFakeStripe({ now });
  core = stripeCore(stripe).core;
  call = dispatcherCall(createDispatcher(core));
});
afterEach(async () => {
  core.close();
  await stripe.close();
});

const posts = () => stripe.requests.filter((r) => r.method === 'POST');
const package1 = { name: 'Launch kit', tier: 'starter', priceMinor: 49_900, currency: 'USD', description: 'Landing page and launch emails' };

async function decide(id: string, how: 'approve' | 'reject') {
  if (how === 'approve') core.approvals.approve(id, { by: 'founder' });
  else core.approvals.reject(id, { by: 'founder' });
  await core.approvals.settled();
  return core.approvals.get(id);
}

async function onSale() {
  const asked = await call('revenue.proposePackage', package1);
  await decide(asked.id, 'approve');
  return (await call('revenue.packages', {})).packages[0] as Answer;
}

describe('DFY packages as Stripe payment links', () => {
  it('a proposal waits in the inbox as Class C, its preview the calls as they will be sent, and creates nothing', async () => {
    const asked = await call('revenue.proposePackage', package1);
    expect(asked).toMatchObject({ status: 'pending', class: 'C', subject: { kind: 'revenue.package' } });
    expect(asked.preview.calls.map((c: Answer) => `${c.method} ${c.path}`)).toEqual(['POST /v1/products', 'POST /v1/prices', 'POST /v1/payment_links']);
    expect(asked.preview.calls[0].form).toEqual({ name: 'Launch kit', description: 'Landing page and launch emails', 'metadata[levqor_package]': asked.subject.ref, 'metadata[tier]': 'starter' });
    expect(asked.preview.calls[1].form).toMatchObject({ product: '<id of the product created above>', unit_amount: '49900', currency: 'usd' });
    expect(asked.preview.calls[2].form).toMatchObject({ 'line_items[0][price]': '<id of the price created above>', 'line_items[0][quantity]': '1' });
    expect(posts()).toEqual([]);
    expect((await call('revenue.packages', {})).packages).toEqual([]);
  });

  it('approving creates the product, price and link once, with keys from the approval; replaying the decision creates nothing more', async () => {
    const asked = await call('revenue.proposePackage', package1);
    const decided = await decide(asked.id, 'approve');
    expect(decided.outcome).toMatchObject({ ok: true });
    const [p] = (await call('revenue.packages', {})).packages as Answer[];
    expect(p).toMatchObject({ name: 'Launch kit', tier: 'starter', priceMinor: 49_900, currency: 'usd', status: 'active', pendingApprovalId: null });
    expect(p!.paymentLinkUrl).toMatch(/^https:\/\/buy\.stripe\.com\//);
    expect(decided.outcome!.message).toContain(p!.stripeProductId);
    expect(decided.outcome!.message).toContain(p!.paymentLinkUrl);
    expect(stripe.get(p!.stripePriceId)).toMatchObject({ product: p!.stripeProductId, unit_amount: 49_900, currency: 'usd' });
    expect(posts().map((r) => r.idempotencyKey)).toEqual([0, 1, 2].map((i) => idempotencyKeyFor(asked.id, i)));
    // the Stripe writes are in the audit log, written before they were made
    expect(core.approvals.auditFor('revenue.package', p!.id)).toMatchObject([{ stepType: 'stripe.package', class: 'C', mode: 'real', decision: 'approved', approvalId: asked.id, detail: expect.stringContaining('createProduct /v1/products') }]);

    // a retry of the same approval (the row not yet written, as after a crash): Stripe answers from the keys
    core.db.prepare('DELETE FROM dfy_packages').run();
    const again = await core.revenue.packages.applyDecision(decided);
    expect(again.ok).toBe(true);
    const [p2] = (await call('revenue.packages', {})).packages as Answer[];
    expect([p2!.stripeProductId, p2!.stripePriceId, p2!.paymentLinkId]).toEqual([p!.stripeProductId, p!.stripePriceId, p!.paymentLinkId]);
    expect(await core.revenue.packages.applyDecision(decided)).toMatchObject({ ok: true, message: expect.stringContaining('already done') });
    expect(stripe.requests.filter((r) => r.method === 'GET' && r.path === '/v1/products').length).toBe(0);
    const created = ['product', 'price', 'payment_link'].map((o) => [...new Set(posts().filter((r) => r.path === `/v1/${o}s`).map((r) => r.idempotencyKey))].length);
    expect(created).toEqual([1, 1, 1]);
  });

  it('rejecting creates nothing', async () => {
    const asked = await call('revenue.proposePackage', package1);
    const decided = await decide(asked.id, 'reject');
    expect(decided.outcome).toMatchObject({ ok: true, result: 'none' });
    expect(posts()).toEqual([]);
    expect((await call('revenue.packages', {})).packages).toEqual([]);
  });

  it('a new price is a new Price and link, the old ones deactivated; nothing changes until approved', async () => {
    const before = await onSale();
    const asked = await call('revenue.changePackage', { id: before.id, priceMinor: 59_900 });
    expect(asked.preview.calls.map((c: Answer) => `${c.method} ${c.path}`)).toEqual([
      'POST /v1/prices',
      'POST /v1/payment_links',
      `POST /v1/payment_links/${before.paymentLinkId}`,
      `POST /v1/prices/${before.stripePriceId}`,
    ]);
    expect(asked.preview.calls[0].form).toMatchObject({ product: before.stripeProductId, unit_amount: '59900' });
    expect((await call('revenue.packages', {})).packages[0]).toMatchObject({ priceMinor: 49_900, pendingApprovalId: asked.id });
    await expect(call('revenue.archivePackage', { id: before.id })).rejects.toMatchObject({ code: 'CONFLICT' });

    expect((await decide(asked.id, 'approve')).outcome).toMatchObject({ ok: true });
    const after = (await call('revenue.packages', {})).packages[0] as Answer;
    expect(after).toMatchObject({ id: before.id, priceMinor: 59_900, stripeProductId: before.stripeProductId, pendingApprovalId: null });
    expect(after.stripePriceId).not.toBe(before.stripePriceId);
    expect(after.paymentLinkUrl).not.toBe(before.paymentLinkUrl);
    expect(stripe.get(before.stripePriceId)).toMatchObject({ active: false });
    expect(stripe.get(before.paymentLinkId)).toMatchObject({ active: false });
    expect(stripe.get(after.stripePriceId)).toMatchObject({ active: true, unit_amount: 59_900 });
  });

  it('a new name updates the product in place; archiving deactivates link, price and product', async () => {
    const before = await onSale();
    const renamed = await call('revenue.changePackage', { id: before.id, name: 'Launch kit pro' });
    expect(renamed.preview.calls.map((c: Answer) => c.path)).toEqual([`/v1/products/${before.stripeProductId}`]);
    await decide(renamed.id, 'approve');
    expect(stripe.get(before.stripeProductId)).toMatchObject({ name: 'Launch kit pro' });
    const archived = await call('revenue.archivePackage', { id: before.id });
    await decide(archived.id, 'approve');
    expect((await call('revenue.packages', {})).packages[0]).toMatchObject({ status: 'archived', name: 'Launch kit pro' });
    for (const id of [before.stripeProductId, before.stripePriceId, before.paymentLinkId]) expect(stripe.get(id)).toMatchObject({ active: false });
    await expect(call('revenue.changePackage', { id: before.id, priceMinor: 100 })).rejects.toThrow(/archived/);
  });

  it('a Stripe failure leaves the package as it was and says why', async () => {
    const before = await onSale();
    const asked = await call('revenue.changePackage', { id: before.id, priceMinor: 10_000 });
    stripe.keys.revoked.add('sk_test_levqor');
    const outcome = (await decide(asked.id, 'approve')).outcome!;
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/as it was: stripe\.secretKey: Stripe refused this key/);
    expect((await call('revenue.packages', {})).packages[0]).toMatchObject({ priceMinor: 49_900, stripePriceId: before.stripePriceId });
  });

  it('bad input names the field and asks nothing', async () => {
    const bad: Array<[Record<string, unknown>, RegExp]> = [
      [{ ...package1, name: '  ' }, /name: is required/],
      [{ ...package1, priceMinor: -5 }, /priceMinor: must be more than zero/],
      [{ ...package1, priceMinor: 4.5 }, /priceMinor: must be a whole number/],
      [{ ...package1, currency: 'zzz' }, /currency: is not a known ISO 4217 currency/],
    ];
    for (const [input, message] of bad) await expect(call('revenue.proposePackage', input)).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(message) });
    await expect(call('revenue.changePackage', { id: 'nope', priceMinor: 5 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(core.approvals.list({ limit: 100 })).toEqual([]);
  });
});
