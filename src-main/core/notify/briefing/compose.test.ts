import { afterEach, describe, expect, it } from 'vitest';
import type { Briefing } from '../../../../shared/contract/briefing';
import { productSpecSchema } from '../../../../shared/product';
import { notifyCore, type NotifyTestCore } from '../../../../tests/helpers/notify/notify-core';
import { refundDeskWaiting } from '../../../../tests/helpers/notify/scenarios';
import { startFakeStripe, type FakeStripe } from '../../../../tests/helpers/stripe';
import { stripeCore } from '../../../../tests/helpers/stripe/core';
import { putThreeCustomers, threeCustomersNow } from '../../../../tests/helpers/stripe/three-customers';
import type { Core } from '../..';
import { toPulledItem, type RemoteItemRow } from '../../revenue/pipeline/remote-items';

const open: NotifyTestCore[] = [];
const cores: Core[] = [];
let stripe: FakeStripe | undefined;
afterEach(async () => {
  for (const t of open.splice(0)) t.close();
  for (const c of cores.splice(0)) c.close();
  await stripe?.close();
  stripe = undefined;
});

const section = (doc: Briefing, id: string) => doc.sections.find((s) => s.id === id)!;
const headlines = (doc: Briefing) => Object.fromEntries(doc.sections.map((s) => [s.id, s.headline]));

function setup() {
  const t = notifyCore();
  open.push(t);
  t.core.settings.set('notify.briefing.timezone', 'Europe/London');
  return t;
}

/** A lead or DFY request as the pull from the site stores it. */
function pulled(kind: 'lead' | 'dfy', id: string, createdAt: number, status: string): ReturnType<typeof toPulledItem> {
  const row = { txid: '1', seq: '1', id, created_ms: String(createdAt), updated_ms: String(createdAt), email: `${id.slice(0, 4)}@example.com`, name: null, company: null, product: null, message: null, status, value_cents: null, value_currency: null, budget_cents: null, budget_currency: null, due_date: null, source: null, utm: null, stripe_customer_id: null, stripe_payment_id: null } as unknown as RemoteItemRow;
  return toPulledItem(kind, row);
}

describe('composeBriefing', () => {
  it('an empty app says what each part lacks instead of inventing figures', () => {
    const { core } = setup();
    const doc = core.briefing.compose();
    expect(doc).toMatchObject({ date: '2026-06-01', timezone: 'Europe/London', title: 'Founder briefing, Monday 1 June 2026', severity: 'info' });
    expect(headlines(doc)).toEqual({
      health: expect.stringMatching(/^not enough data to score: /),
      monitors: 'no monitors yet',
      anomalies: 'no open anomalies',
      runs: 'no runs in the last 24 h',
      approvals: 'no approvals waiting',
      launches: 'no products yet',
      revenue: 'Stripe not connected',
      pipeline: 'no leads or DFY requests: the shared Postgres is not set up',
      backups: 'no backup plans yet',
    });
  });

  it('reads monitors, runs, approvals, products and leads from a real core', async () => {
    const { core, clock } = setup();
    const m = core.guardian.add({ type: 'push', name: 'nightly <export> & sync', intervalSeconds: 60, graceSeconds: 30 });
    await core.guardian.ping(m.pushPath!.slice('/heartbeat/'.length));
    clock.advance(91_000);
    await core.guardian.checkOne(m.id);
    core.guardian.add({ type: 'push', name: 'shop', intervalSeconds: 3600, graceSeconds: 60 });

    const { id: failing } = core.workflows.import({ name: 'Invoice chaser', trigger: { type: 'manual' }, nodes: [{ id: 'boom', type: 'transform', params: { expression: '$error("the mail server said no")' } }], edges: [] });
    await core.workflows.run({ id: failing, wait: true });
    await core.workflows.run({ id: failing, wait: true });
    const { id: fine } = core.workflows.import({ name: 'Daily sums', trigger: { type: 'manual' }, nodes: [{ id: 'calc', type: 'transform', params: { expression: '1 + 1' } }], edges: [] });
    await core.workflows.run({ id: fine, wait: true });
    await refundDeskWaiting(core);
    core.products.create(productSpecSchema.parse({ slug: 'ascend-launch-system', name: 'Ascend Launch System', price: 17, description: 'A launch checklist.', tags: ['launch'] }));
    const now = clock.now();
    core.revenue.pipeline.store.storePulled([pulled('lead', '0190a3c4-0000-7000-8000-000000000001', now - 3_600_000, 'new'), pulled('lead', '0190a3c4-0000-7000-8000-000000000002', now - 3 * 86_400_000, 'new'), pulled('dfy', '0190a3c4-0000-7000-8000-000000000003', now - 60_000, 'new')], 'test', '1', now);

    const doc = core.briefing.compose();
    expect(section(doc, 'monitors')).toMatchObject({ headline: '1 of 2 monitors DOWN', severity: 'critical', lines: [{ text: expect.stringMatching(/^nightly <export> & sync is DOWN: /), severity: 'critical' }, { text: '1 monitor not checked yet' }] });
    expect(section(doc, 'health').headline).toMatch(/^health \d+\/100 \(.+\), no score stored a day ago to compare$/);
    expect(section(doc, 'runs')).toMatchObject({ headline: '4 runs in the last 24 h: 1 succeeded, 2 failed', severity: 'warning' });
    expect(section(doc, 'runs').lines).toEqual([
      { text: expect.stringMatching(/^Invoice chaser failed 2 times: .*the mail server said no/), severity: 'warning' },
      { text: '1 run waiting (an approval or a delay)', severity: 'info' },
    ]);
    expect(section(doc, 'approvals')).toMatchObject({ headline: '1 approval waiting for you', severity: 'warning', lines: [{ text: 'Class C: Refund desk \u203a gate (waiting 0 min)' }] });
    expect(section(doc, 'launches').headline).toBe('1 product (0 launched); last 24 h: 0 built, 0 uploaded, 0 failed');
    expect(section(doc, 'pipeline')).toMatchObject({ headline: 'last 24 h: 1 new lead, 1 new DFY request', lines: [{ text: '2 open leads, 1 open DFY request (0 paid, not started)' }] });
    expect(doc.severity).toBe('critical');
  });

  it('the health change compares with the score stored a day before', () => {
    const { core, clock } = setup();
    core.guardian.add({ type: 'push', name: 'shop', intervalSeconds: 3600, graceSeconds: 60 });
    const first = core.guardian.storeScore();
    clock.advance(24 * 3_600_000);
    const now = core.guardian.score().score;
    expect(section(core.briefing.compose(), 'health').headline).toContain(`${now - first.score > 0 ? '+' : now === first.score ? '\u00b1' : '\u2212'}${Math.abs(now - first.score)} since yesterday`);
  });

  it('revenue from the synced Stripe tables: MRR, its change since last month, new customers', async () => {
    stripe = await startFakeStripe({ now: threeCustomersNow });
    putThreeCustomers(stripe);
    const { core } = stripeCore(stripe);
    cores.push(core);
    core.settings.set('revenue.rates', { eur: 1.2 });
    core.settings.set('notify.briefing.timezone', 'UTC');
    await core.revenue.stripe.sync();
    const revenue = section(core.briefing.compose(), 'revenue');
    // 3800 + 10000 + 5000 × 1.2 this month, 13800 at the close of last month (tests/helpers/stripe/three-customers.ts)
    expect(revenue.headline).toBe('MRR $198.00 (+$60.00 since last month)');
    expect(revenue.lines.map((l) => l.text)).toEqual(['Stripe test mode: these are test figures', '0 new customers in the last 24 h', 'no failed payments in the last 24 h']);
  });
});
