import { afterEach, describe, expect, it } from 'vitest';
import { notifyCore, RecordingNotifier, type NotifyTestCore } from '../../../tests/helpers/notify/notify-core';
import { heartbeatDownAndUp } from '../../../tests/helpers/notify/scenarios';
import { chain } from '../../../tests/helpers/workflows/documents';
import { matchesFilter } from './rule-filter';
import { defaultRules } from './rules';

const open: NotifyTestCore[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

function setup(os: RecordingNotifier) {
  const t = notifyCore({ os });
  open.push(t);
  t.core.background.start();
  return t;
}

const defaultIds = [
  'monitor.down',
  'monitor.up',
  'anomaly.opened',
  'approval.requested',
  'run.failed',
  'upload.failed',
  'payment.failed',
  'dfy.paid',
  'subscription.churned',
  'backup.failed',
  'backup.stale',
  'check.failed',
  'founder.notified',
  'budget.crossed',
  'subject.request.due',
];

describe('the rules the founder edits', () => {
  it('lists every default rule, on, unchanged, with its defaults and the fields a filter may test', () => {
    const { core } = setup(new RecordingNotifier());
    const rules = core.notify.rulesList();
    expect(rules.map((r) => r.id)).toEqual(defaultIds);
    for (const r of rules) {
      expect(r).toMatchObject({ enabled: true, changed: false, updatedAt: null, filter: {} });
      expect(r.defaults).toEqual({ enabled: r.enabled, channels: r.channels, severity: r.severity, filter: r.filter });
    }
    expect(rules.find((r) => r.id === 'monitor.down')).toMatchObject({ event: 'guardian.alert', severity: 'critical', channels: ['os'], fields: ['monitor', 'message'] });
  });

  it('a rule turned off makes no notice from the next event on; its sibling on the same event still does', async () => {
    const os = new RecordingNotifier();
    const { core, clock, timer } = setup(os);
    expect(core.notify.setRule({ id: 'monitor.down', enabled: false })).toMatchObject({ enabled: false, changed: true, updatedAt: clock.now() });
    await heartbeatDownAndUp(core, clock);
    await timer.runDue();
    expect(os.shown.map((n) => [n.title, n.severity])).toEqual([['Monitor back UP: nightly backup job', 'info']]);
  });

  it('a filter lets through only the events whose named field matches; the severity set is the notice’s', async () => {
    const os = new RecordingNotifier();
    const { core, clock, timer } = setup(os);
    core.notify.setRule({ id: 'monitor.up', filter: { monitor: 'shop' } });
    core.notify.setRule({ id: 'monitor.down', filter: { monitor: { contains: 'BACKUP' } }, severity: 'warning' });
    await heartbeatDownAndUp(core, clock);
    await timer.runDue();
    expect(os.shown.map((n) => [n.title, n.severity])).toEqual([['Monitor DOWN: nightly backup job', 'warning']]);
  });

  it('reset puts a rule back to its defaults and removes the founder’s row', () => {
    const { core } = setup(new RecordingNotifier());
    core.notify.setRule({ id: 'run.failed', severity: 'critical', filter: { workflow: 'Nightly' } });
    const reset = core.notify.resetRule('run.failed');
    expect(reset).toMatchObject({ severity: 'warning', filter: {}, changed: false, updatedAt: null });
    expect(core.notify.rulesList().find((r) => r.id === 'run.failed')).toEqual(reset);
  });

  it('refuses an unknown rule, channel or filter field with an error naming it, and changes nothing', () => {
    const { core } = setup(new RecordingNotifier());
    core.notify.setRule({ id: 'monitor.down', severity: 'warning' });
    const before = core.notify.rulesList();
    expect(() => core.notify.setRule({ id: 'monitor.sideways', enabled: false })).toThrow(/id: there is no rule "monitor.sideways"; the rules are monitor.down, monitor.up/);
    expect(() => core.notify.resetRule('nope')).toThrow(/id: there is no rule "nope"/);
    expect(() => core.notify.setRule({ id: 'monitor.down', enabled: false, channels: ['os', 'pager'] })).toThrow(/channels: there is no channel "pager"; the channels are os/);
    expect(() => core.notify.setRule({ id: 'monitor.down', enabled: false, filter: { status: 'down' } })).toThrow(/filter.status: the rule monitor.down has no field "status"; its fields are monitor, message/);
    expect(core.notify.rulesList()).toEqual(before);
  });

  it('a notify.founder step at level error is critical even though its rule says info; with its rule off the step still succeeds and nothing goes out', async () => {
    const os = new RecordingNotifier();
    const { core, timer } = setup(os);
    const { id } = core.workflows.import({
      name: 'Disk watch',
      trigger: { type: 'manual' },
      nodes: [{ id: 'tell', type: 'notify.founder', params: { title: 'Disk full', body: 'Only 1% left', level: 'error' } }],
      edges: [],
    });
    expect((await core.workflows.run({ id, wait: true })).status).toBe('succeeded');
    await timer.runDue();
    expect(os.shown.map((n) => [n.title, n.severity, n.area])).toEqual([['Disk full', 'critical', 'workflows']]);

    core.notify.setRule({ id: 'founder.notified', enabled: false });
    expect((await core.workflows.run({ id, wait: true })).status).toBe('succeeded');
    await timer.runDue();
    expect(os.shown).toHaveLength(1);
  });
});

describe('filters', () => {
  const down = defaultRules.find((r) => r.id === 'monitor.down')!;
  const alert = { monitorId: 'm1', name: 'Shop', kind: 'down', message: '"Shop" is DOWN: timeout after 10 s', at: 0 };

  it('ten runs failing at once reach the founder as one digest that names each', async () => {
    const os = new RecordingNotifier();
    const t = setup(os);
    const { id } = t.core.workflows.import(chain([{ id: 'charge', type: 'transform', params: { expression: '$error("card declined")' } }], { name: 'Checkout' }));
    t.core.engine.startBackground();
    for (let i = 0; i < 10; i++) await t.core.workflows.run({ id, wait: true });
    await t.timer.advance(61_000);
    await t.core.notify.settled();
    expect(os.shown.map((n) => [n.title, n.count])).toEqual([['10 alerts: Run failed: Checkout…', 10]]);
    expect(os.shown[0]!.body.split('\n')).toEqual(Array.from({ length: 10 }, () => '• Run failed: Checkout'));
    expect(t.core.notify.outbox({ state: 'merged', limit: 20 })).toHaveLength(9);
  });

  it('equals and contains ignore case, and every field given must match', () => {
    expect(matchesFilter(down, {}, alert)).toBe(true);
    expect(matchesFilter(down, { monitor: 'shop' }, alert)).toBe(true);
    expect(matchesFilter(down, { monitor: 'sho' }, alert)).toBe(false);
    expect(matchesFilter(down, { message: { contains: 'TIMEOUT' } }, alert)).toBe(true);
    expect(matchesFilter(down, { monitor: 'shop', message: { contains: 'HTTP 500' } }, alert)).toBe(false);
  });
});
