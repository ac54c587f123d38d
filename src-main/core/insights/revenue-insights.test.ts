import { afterEach, describe, expect, it } from 'vitest';
import { startFakeStripe, type FakeStripe } from '../../../tests/helpers/stripe';
import { stripeCore } from '../../../tests/helpers/stripe/core';
import { monthlySubscription } from '../../../tests/helpers/stripe/monthly-subscription';
import { putThreeCustomers, threeCustomersNow } from '../../../tests/helpers/stripe/three-customers';
import type { Core } from '..';

let stripe: FakeStripe | undefined;
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) c.close();
  await stripe?.close();
  stripe = undefined;
});

const day = 86_400;

/** The three customers' book, plus cus_d: $20 a month from October, seen cancelled by the second sync (an hour later, 15 November), and one failed charge this week. */
async function churnedBook(): Promise<Core> {
  stripe = await startFakeStripe({ now: threeCustomersNow });
  putThreeCustomers(stripe);
  const oct = Date.UTC(2026, 9, 1) / 1000;
  const subD = (status: string, ended: number | null) => monthlySubscription({ id: 'sub_d', customer: 'cus_d', start: oct, unitAmount: 2000, status, ended });
  stripe.put(
    { id: 'cus_d', object: 'customer', email: 'dee@example.com', name: 'dee', created: oct, livemode: false, currency: 'usd', metadata: {} },
    subD('active', null),
    { id: 'ch_failed1', object: 'charge', amount: 3800, amount_captured: 0, amount_refunded: 0, captured: false, created: threeCustomersNow - 2 * day, currency: 'usd', customer: 'cus_a', paid: false, refunded: false, status: 'failed', livemode: false, metadata: {}, failure_code: 'card_declined', failure_message: 'Your card was declined.' },
  );
  const { core, clock } = stripeCore(stripe);
  cores.push(core);
  core.settings.set('revenue.rates', { eur: 1.2 });
  await core.revenue.stripe.sync();
  const later = threeCustomersNow + 3600;
  stripe.setNow(later);
  clock.advance(3_600_000);
  stripe.emit('customer.subscription.deleted', subD('canceled', later));
  await core.revenue.stripe.sync();
  return core;
}

describe('revenue insights from the synced Stripe tables', () => {
  it('MRR churn above 5% lists the churned customers and drafts a disabled win-back workflow', async () => {
    const core = await churnedBook();
    const churn = core.insights.list().insights.find((i) => i.rule === 'mrr-churn');
    // 2000 churned of 15800 at the start of November (13800 + cus_d's 2000): 12.7%
    expect(churn).toMatchObject({ id: 'mrr-churn:2026-11', area: 'revenue', severity: 'critical', finding: 'MRR churn is 12.7% in 2026-11 (above 5%): 1 customer churned: dee@example.com', class: 'A' });
    expect(churn!.evidence).toContainEqual({ source: 'revenue.customers', label: 'churned: dee@example.com', value: '20.00 USD' });
    const before = core.workflows.list().length;
    const result = core.insights.act(churn!.id);
    expect(result).toMatchObject({ kind: 'workflow-draft', name: 'Win back customers churned in 2026-11' });
    const saved = core.workflows.list();
    expect(saved).toHaveLength(before + 1);
    expect(saved.find((w) => w.id === (result.kind === 'workflow-draft' ? result.workflowId : ''))).toMatchObject({ enabled: false, draft: false, problems: 0 });
    expect(core.runs.list({ limit: 10 })).toEqual([]);
    expect(core.insights.pastInsights(10).items.find((i) => i.id === churn!.id)!.acted).toMatchObject({ kind: 'workflow-draft', ref: result.kind === 'workflow-draft' ? result.workflowId : '' });
  });

  it('failed payments this week, with the amount per currency and the charge ids', async () => {
    const core = await churnedBook();
    const failed = core.insights.list().insights.find((i) => i.rule === 'failed-payments');
    expect(failed).toMatchObject({ id: 'failed-payments:week', severity: 'warning', finding: '1 payment failed this week (38.00 USD)' });
    expect(failed!.evidence).toContainEqual({ source: 'revenue facts (Stripe charges)', label: 'charge', value: 'ch_failed1' });
  });
});
