import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../..';
import { startFakeStripe, type FakeStripe } from '../../../../tests/helpers/stripe';
import { stripeCore, webhookSecret } from '../../../../tests/helpers/stripe/core';
import { until } from '../../../../tests/helpers/workflows/wait';

let stripe: FakeStripe;
let core: Core;

beforeEach(async () => {
  stripe = await startFakeStripe({ now: Date.UTC(2026, 10, 1) / 1000 });
  core = stripeCore(stripe).core;
});
afterEach(async () => {
  core.close();
  await stripe.close();
});

async function packageOnSale() {
  const asked = core.revenue.packages.propose({ name: 'Launch kit', tier: 'starter', priceMinor: 49_900, currency: 'usd' });
  core.approvals.approve(asked.id, { by: 'founder' });
  await core.approvals.settled();
  return core.revenue.packages.list()[0]!;
}

const linkFlow = (params: Record<string, unknown>) => ({ name: 'Sell', trigger: { type: 'manual' }, nodes: [{ id: 'link', type: 'stripe.paymentLink', params }], edges: [] });
const linkPosts = () => stripe.requests.filter((r) => r.method === 'POST' && r.path === '/v1/payment_links');

describe('stripe.paymentLink in a workflow run', () => {
  it('is Class C: a dry run shows the call as it would be sent and creates nothing', async () => {
    const p = await packageOnSale();
    const before = linkPosts().length;
    const run = await core.workflows.run({ workflow: linkFlow({ package: p.id, quantity: 2 }), dryRun: true, wait: true });
    expect(run.status).toBe('succeeded');
    expect(core.runs.get(run.runId).steps[0]).toMatchObject({
      mode: 'dry-run',
      output: { dryRun: true, preview: { method: 'POST', path: '/v1/payment_links', priceId: p.stripePriceId, packageId: p.id, form: { 'line_items[0][price]': p.stripePriceId, 'line_items[0][quantity]': '2', 'metadata[levqor_package]': p.id } } },
    });
    expect(linkPosts()).toHaveLength(before);
  });

  it('waits for the founder, then creates one link with the step\u2019s idempotency key', async () => {
    const p = await packageOnSale();
    const before = linkPosts().length;
    const run = await core.workflows.run({ workflow: linkFlow({ package: p.id }), wait: true });
    expect(run.status).toBe('waiting');
    const [asked] = core.approvals.list({ status: 'pending', limit: 5 });
    expect(asked).toMatchObject({ class: 'C', nodeId: 'link', preview: { path: '/v1/payment_links', priceId: p.stripePriceId } });
    expect(linkPosts()).toHaveLength(before);
    core.approvals.approve(asked!.id, { by: 'founder' });
    const done = await core.runs.wait(run.runId);
    expect(done.status).toBe('succeeded');
    expect(done.output).toMatchObject({ paymentLinkId: expect.stringMatching(/^plink_/), url: expect.stringMatching(/^https:\/\/buy\.stripe\.com\//), priceId: p.stripePriceId, packageId: p.id });
    expect(linkPosts().slice(before).map((r) => r.idempotencyKey)).toEqual([`levqor-step-${run.runId}:link`]);
  });

  it('names the field when the package is unknown or no price is given: in the dry run\u2019s preview, and as a failure once approved', async () => {
    for (const [params, message] of [[{ package: 'nope' }, /package: no DFY package nope/], [{}, /price: give a DFY package id/]] as const) {
      const dry = await core.workflows.run({ workflow: linkFlow(params), dryRun: true, wait: true });
      expect(core.runs.get(dry.runId).steps[0]).toMatchObject({ output: { preview: { error: expect.stringMatching(message) } } });
      const run = await core.workflows.run({ workflow: linkFlow(params), wait: true });
      const [asked] = core.approvals.list({ status: 'pending', limit: 5 });
      core.approvals.approve(asked!.id, { by: 'founder' });
      const done = await core.runs.wait(run.runId);
      expect(done.status).toBe('failed');
      expect(core.runs.get(run.runId).steps[0]).toMatchObject({ status: 'failed', error: { message: expect.stringMatching(message) } });
    }
    expect(linkPosts()).toEqual([]);
  });
});

describe('the stripe.event trigger', () => {
  it('starts a workflow for an applied Stripe event of the filtered type, once per event id, with the whole object; the stream gets a lean payload', async () => {
    const { id } = core.workflows.import({
      name: 'Thank payers',
      trigger: { type: 'stripe.event', filter: { type: 'invoice.paid' } },
      nodes: [{ id: 'say', type: 'log', params: { message: 'paid {{ trigger.payload.objectId }} via {{ trigger.payload.via }}: {{ trigger.payload.object.amount_paid }} {{ trigger.payload.object.lines.object }} {{ trigger.payload.object.metadata.plan }}' } }],
      edges: [],
    });
    const streamed: unknown[] = [];
    core.events.subscribe((name, payload) => name === 'stripe.event' && streamed.push(payload));
    expect(core.workflows.get(id)).toMatchObject({ triggerType: 'stripe.event' });
    core.engine.startBackground();
    const now = stripe.now();
    const deliver = (eventId: string, type: string) => {
      const payload = JSON.stringify({ id: eventId, object: 'event', api_version: '2026-11-18.endive', created: now - 5, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type, data: { object: { id: 'in_paid1', object: 'invoice', customer: 'cus_1', status: 'paid', total: 4900, amount_paid: 4900, currency: 'usd', created: now - 60, metadata: { plan: 'pro' }, lines: { object: 'list', data: [], has_more: false } } } });
      return core.revenue.stripe.applyWebhook(payload, Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret, timestamp: now }));
    };
    deliver('evt_paid_1', 'invoice.paid');
    deliver('evt_paid_1', 'invoice.paid');
    deliver('evt_fin_1', 'invoice.finalized');
    await until(() => core.runs.list({ workflowId: id, limit: 5 }).some((r) => r.status === 'succeeded'));
    await new Promise((r) => setTimeout(r, 50));
    const runs = core.runs.list({ workflowId: id, limit: 5 });
    expect(runs).toHaveLength(1);
    expect(core.runs.get(runs[0]!.id).output).toEqual({ message: 'paid in_paid1 via webhook: 4900 list pro' });
    expect(streamed).toEqual([
      { eventId: 'evt_paid_1', type: 'invoice.paid', created: (now - 5) * 1000, livemode: false, via: 'webhook', applied: true, objectId: 'in_paid1', objectType: 'invoice', amount: 4900, currency: 'usd', status: 'paid', customer: 'cus_1' },
      { eventId: 'evt_fin_1', type: 'invoice.finalized', created: (now - 5) * 1000, livemode: false, via: 'webhook', applied: true, objectId: 'in_paid1', objectType: 'invoice', amount: 4900, currency: 'usd', status: 'paid', customer: 'cus_1' },
    ]);
    // asked after the emit, the trigger payload's object is the stored one of that id
    expect(core.revenue.stripe.eventObjects.payloadFor('stripe.event', streamed[0])).toMatchObject({ objectId: 'in_paid1', object: { id: 'in_paid1', amount_paid: 4900, metadata: { plan: 'pro' } } });
  });
});
