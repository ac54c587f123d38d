import { afterEach, describe, expect, it } from 'vitest';
import { productSpecSchema } from '../../../shared/product';
import { notifyCore, type NotifyTestCore } from '../../../tests/helpers/notify/notify-core';
import { toPulledItem, type RemoteItemRow } from '../revenue/pipeline/remote-items';

const open: NotifyTestCore[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

const hour = 3_600_000;
const day = 24 * hour;

function setup() {
  const t = notifyCore();
  open.push(t);
  return t;
}

const byRule = (t: NotifyTestCore, rule: string) => t.core.insights.list().insights.filter((i) => i.rule === rule);

/** A DFY request as the pull from the site stores it, in `status` since `at`. */
function dfy(id: string, at: number, status: string) {
  const row = { txid: '1', seq: '1', id, created_ms: String(at), updated_ms: String(at), email: `c${id.slice(-1)}@example.com`, name: `Client ${id.slice(-1)}`, company: null, product: null, message: null, status, value_cents: null, value_currency: null, budget_cents: null, budget_currency: null, due_date: null, source: null, utm: null, stripe_customer_id: null, stripe_payment_id: null } as unknown as RemoteItemRow;
  return toPulledItem('dfy', row);
}

describe('insights over a real core', () => {
  it('an app with nothing wrong has no insights', () => {
    const t = setup();
    expect(t.core.insights.list()).toEqual({ at: t.clock.now(), insights: [] });
  });

  it('a monitor DOWN over an hour is a critical insight whose action asks for Guardian healing, never applies it', async () => {
    const t = setup();
    const m = t.core.guardian.add({ type: 'push', name: 'shop', intervalSeconds: 60, graceSeconds: 30 });
    await t.core.guardian.ping(m.pushPath!.slice('/heartbeat/'.length));
    t.clock.advance(91_000);
    await t.core.guardian.checkOne(m.id);
    expect(byRule(t, 'monitor-down')).toEqual([]);
    t.clock.advance(hour + 1000);
    const [insight] = byRule(t, 'monitor-down');
    expect(insight).toMatchObject({ id: `monitor-down:${m.id}`, area: 'reliability', severity: 'critical', rank: 1, finding: expect.stringMatching(/^Monitor "shop" has been DOWN for 1 h/) });
    expect(insight!.evidence[0]).toMatchObject({ source: 'guardian.monitors', label: 'down since' });
    expect(insight).toMatchObject({ class: 'A', suggestedAction: { kind: 'healing', stepId: `recheck_monitor:${m.id}`, label: 'Ask to re-check "shop" now' } });
    const result = t.core.insights.act(insight!.id);
    expect(result).toEqual({ kind: 'healing', approvalId: expect.any(String) });
    const pending = t.core.approvals.list({ status: 'pending', limit: 10 });
    expect(pending.map((a) => a.id)).toEqual([result.kind === 'healing' ? result.approvalId : '']);
    expect(pending[0]!.subject.kind).toBe('guardian.healing');
  });

  it('a workflow failing 30% of its runs this week; a healthy one is not named', async () => {
    const t = setup();
    const { id: failing } = t.core.workflows.import({ name: 'Invoice chaser', trigger: { type: 'manual' }, nodes: [{ id: 'boom', type: 'transform', params: { expression: '$error("no")' } }], edges: [] });
    const { id: fine } = t.core.workflows.import({ name: 'Daily sums', trigger: { type: 'manual' }, nodes: [{ id: 'calc', type: 'transform', params: { expression: '1 + 1' } }], edges: [] });
    for (let i = 0; i < 5; i++) {
      await t.core.workflows.run({ id: failing, wait: true });
      await t.core.workflows.run({ id: fine, wait: true });
    }
    const found = byRule(t, 'failing-workflow');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: `failing-workflow:${failing}`, severity: 'critical', finding: 'Workflow "Invoice chaser" failed 5 of its last 5 runs (100%) this week', suggestedAction: { kind: 'open-area', area: 'workflows' } });
    expect(t.core.insights.act(found[0]!.id)).toEqual({ kind: 'open-area', area: 'workflows' });
    expect(t.core.insights.pastInsights(10).items).toEqual([
      { id: `failing-workflow:${failing}`, rule: 'failing-workflow', area: 'reliability', severity: 'critical', finding: found[0]!.finding, firstShownAt: t.clock.now(), lastShownAt: t.clock.now(), acted: { at: t.clock.now(), kind: 'open-area', ref: 'workflows' } },
    ]);
  });

  it('the history keeps when an insight was first and last shown, and nothing acted until the founder acts', async () => {
    const t = setup();
    const { id } = t.core.workflows.import({ name: 'Invoice chaser', trigger: { type: 'manual' }, nodes: [{ id: 'boom', type: 'transform', params: { expression: '$error("no")' } }], edges: [] });
    for (let i = 0; i < 5; i++) await t.core.workflows.run({ id, wait: true });
    const first = t.clock.now();
    t.core.insights.list();
    t.clock.advance(hour);
    t.core.insights.list();
    expect(t.core.insights.pastInsights(10).items).toMatchObject([{ id: `failing-workflow:${id}`, firstShownAt: first, lastShownAt: first + hour, acted: null }]);
  });

  it('a product draft with 0 Omega slots filled a day before its launchDate; none without a launch date', () => {
    const t = setup();
    const tomorrow = new Date(t.clock.now() + day).toISOString().slice(0, 10);
    t.core.products.create(productSpecSchema.parse({ slug: 'ascend-launch-system', name: 'Ascend Launch System', price: 17, description: 'A launch checklist.', tags: ['launch'], launchDate: tomorrow }));
    t.core.products.create(productSpecSchema.parse({ slug: 'no-date', name: 'No date', price: 17, description: 'No launch day yet.', tags: ['launch'] }));
    const found = byRule(t, 'omega-slots');
    expect(found.map((i) => i.id)).toEqual(['omega-slots:ascend-launch-system']);
    expect(found[0]).toMatchObject({ area: 'growth', finding: '"Ascend Launch System" launches within a day with 0 of 70 Omega slots filled', evidence: [{ source: 'products.checklist', value: '0 of 70' }, { label: 'launchDate', value: tomorrow }] });
  });

  it('a dismissed insight leaves the list while its finding reads the same, and comes back when it changes', () => {
    const t = setup();
    const tomorrow = new Date(t.clock.now() + day).toISOString().slice(0, 10);
    t.core.products.create(productSpecSchema.parse({ slug: 'ascend', name: 'Ascend', price: 17, description: 'A launch checklist.', tags: ['launch'], launchDate: tomorrow }));
    expect(t.core.insights.dismiss('omega-slots:ascend')).toEqual({ id: 'omega-slots:ascend', dismissedAt: t.clock.now() });
    expect(byRule(t, 'omega-slots')).toEqual([]);
    expect(() => t.core.insights.act('omega-slots:ascend')).toThrow('id: no insight "omega-slots:ascend" now (it may be resolved or dismissed already)');
    expect(() => t.core.insights.dismiss('omega-slots:ascend')).toThrow('id: no insight "omega-slots:ascend" now');
    expect(t.core.insights.pastInsights(10, { acted: 'dismissed' }).items).toMatchObject([{ id: 'omega-slots:ascend', acted: { kind: 'dismissed', ref: '"Ascend" launches within a day with 0 of 70 Omega slots filled' } }]);
    // launch day: the finding reads differently, so it is shown again
    t.clock.advance(day);
    expect(byRule(t, 'omega-slots').map((i) => i.finding)).toEqual(['"Ascend" launches today with 0 of 70 Omega slots filled']);
  });

  it('a launchDate that is not a real YYYY-MM-DD date is refused naming the field and the rule', () => {
    const spec = (launchDate: unknown) => productSpecSchema.safeParse({ slug: 'p', name: 'P', price: 17, description: 'A product.', tags: ['launch'], launchDate });
    const issues = (launchDate: unknown) => spec(launchDate).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues('/etc/shadow')).toEqual(['launchDate: must be a date written YYYY-MM-DD, such as 2026-03-14', 'launchDate: must be a real date']);
    expect(issues('2026-02-30')).toEqual(['launchDate: must be a real date']);
    expect(spec('2026-02-28').success).toBe(true);
  });

  it('DFY requests paid more than two days ago and not started', () => {
    const t = setup();
    const now = t.clock.now();
    t.core.revenue.pipeline.store.storePulled([dfy('0190a3c4-0000-7000-8000-000000000001', now - 3 * day, 'paid'), dfy('0190a3c4-0000-7000-8000-000000000002', now - hour, 'paid'), dfy('0190a3c4-0000-7000-8000-000000000003', now - 5 * day, 'new')], 'test', '1', now);
    const found = byRule(t, 'dfy-not-started');
    expect(found).toHaveLength(1);
    expect(found[0]!.finding).toBe('1 paid DFY request not started; the oldest was paid 3 days ago');
    expect(found[0]!.evidence).toHaveLength(1);
  });

  it('an endpoint whose p95 doubled week over week (telemetry day rollups); a steady one is not named', () => {
    const t = setup();
    const now = t.clock.now();
    const rows = [];
    for (let i = 0; i < 30; i++) {
      rows.push({ ts: now - 10 * day + i * 60_000, level: 'info', source: 'web', message: 'GET', endpoint: '/checkout', method: 'GET', status: 200, duration_ms: 100 });
      rows.push({ ts: now - 2 * day + i * 60_000, level: 'info', source: 'web', message: 'GET', endpoint: '/checkout', method: 'GET', status: 200, duration_ms: 450 });
      rows.push({ ts: now - 10 * day + i * 60_000, level: 'info', source: 'web', message: 'GET', endpoint: '/home', method: 'GET', status: 200, duration_ms: 100 });
      rows.push({ ts: now - 2 * day + i * 60_000, level: 'info', source: 'web', message: 'GET', endpoint: '/home', method: 'GET', status: 200, duration_ms: 110 });
    }
    t.core.telemetry.ingestValues(rows);
    const found = byRule(t, 'endpoint-p95');
    expect(found.map((i) => i.id)).toEqual(['endpoint-p95:GET /checkout']);
    expect(found[0]).toMatchObject({ area: 'ux', evidence: [{ label: 'p95 this week (ms)' }, { label: 'p95 last week (ms)' }, { value: 30 }, { value: 30 }] });
  });

  it('an unknown insight id is refused naming the field, and nothing is saved', () => {
    const t = setup();
    const before = t.core.workflows.list().length;
    expect(() => t.core.insights.act('mrr-churn:2026-06')).toThrow(/^id: no insight "mrr-churn:2026-06" now/);
    expect(t.core.workflows.list()).toHaveLength(before);
  });
});
