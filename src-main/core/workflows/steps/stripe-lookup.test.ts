import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../..';
import { generateDataset, loadDataset, startFakeStripe, type Dataset, type FakeStripe } from '../../../../tests/helpers/stripe';
import { stripeCore } from '../../../../tests/helpers/stripe/core';
import { wf } from '../../../../tests/helpers/workflows/documents';

const now = Date.UTC(2026, 10, 1) / 1000;
let stripe: FakeStripe;
let dataset: Dataset;
let core: Core | undefined;

beforeEach(async () => {
  stripe = await startFakeStripe({ now });
  dataset = generateDataset({ seed: 3, customers: 5, now });
  loadDataset(stripe, dataset);
});
afterEach(async () => {
  core?.close();
  await stripe.close();
});

const lookup = (kind: string, id: string) => wf([{ id: 'find', type: 'stripe.lookup', params: { kind, id } }]);

describe('stripe.lookup', () => {
  it('reads a customer, subscription and invoice from the synced tables (after the sync, without calling Stripe)', async () => {
    core = stripeCore(stripe).core;
    await core.revenue.stripe.sync();
    for (const kind of ['customer', 'subscription', 'invoice'] as const) {
      const object = dataset.objects.find((o) => o.object === kind)!;
      const result = await core.workflows.run({ workflow: lookup(kind, object.id), wait: true });
      expect(result.status, kind).toBe('succeeded');
      expect(core.runs.get(result.runId).steps[0]?.output).toMatchObject({ kind, id: object.id, object: { id: object.id, object: kind } });
    }
  });

  it('an id the tables do not have fails at once naming it; a wrong kind is refused naming the param', async () => {
    core = stripeCore(stripe).core;
    const missing = await core.workflows.run({ workflow: lookup('customer', 'cus_missing'), wait: true });
    expect(missing.status).toBe('failed');
    expect(JSON.stringify(core.runs.get(missing.runId).steps[0]?.error)).toContain('no customer \\"cus_missing\\" in the synced Stripe data');
    expect(core.workflows.validate(lookup('charge', 'ch_1')).errors).toEqual([{ path: 'nodes[0].params.kind', message: expect.stringContaining('must be one of customer, subscription, invoice') }]);
  });
});
