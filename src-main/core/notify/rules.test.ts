import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/contract';
import { notifyCore, RecordingNotifier, type NotifyTestCore } from '../../../tests/helpers/notify/notify-core';
import { heartbeatDownAndUp, refundDeskWaiting } from '../../../tests/helpers/notify/scenarios';

const open: NotifyTestCore[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

/** os null: no OS notifier, as under levqor serve. */
function setup(os: RecordingNotifier | null) {
  const t = notifyCore(os ? { os } : {});
  open.push(t);
  t.core.background.start();
  return t;
}

describe('the rules: event → notice', () => {
  it('a heartbeat monitor going DOWN and back UP makes one notice per transition, opening the Guardian', async () => {
    const os = new RecordingNotifier();
    const { core, clock, timer } = setup(os);
    await heartbeatDownAndUp(core, clock);
    await timer.runDue();
    expect(os.shown.map((n) => [n.title, n.area])).toEqual([
      ['Monitor DOWN: nightly backup job', 'guardian'],
      ['Monitor back UP: nightly backup job', 'guardian'],
    ]);
    expect(os.shown[0]?.body).toMatch(/late by/);
  });

  it('a workflow telling the founder something and a step waiting at its approval make notices for Workflows and Approvals', async () => {
    const os = new RecordingNotifier();
    const { core, timer } = setup(os);
    await refundDeskWaiting(core);
    await timer.runDue();
    expect(os.shown.map(({ title, body, area }) => ({ title, body, area }))).toEqual([
      { title: 'Refund asked', body: 'Order 42 wants a refund', area: 'workflows' },
      { title: 'Approval needed (Class C)', body: 'Refund desk › gate: Refund order 42?', area: 'approvals' },
    ]);
  });

  it('the same event heard twice makes one outbox row, delivered once', async () => {
    const os = new RecordingNotifier();
    const { core, clock, timer } = setup(os);
    const alert: EventPayload<'guardian.alert'> = { monitorId: 'm1', name: 'shop', kind: 'down', message: '"shop" is DOWN: HTTP 500', at: clock.now() };
    core.events.emit('guardian.alert', alert);
    core.events.emit('guardian.alert', alert);
    expect(core.notify.send({ key: `guardian.alert:m1:down:${alert.at}`, title: 'again', body: '', area: 'guardian', at: alert.at }, ['os'])).toBe(0);
    await timer.runDue();
    expect(os.shown).toHaveLength(1);
    expect(core.notify.outbox({ limit: 10 })).toHaveLength(1);
  });

  it('without an OS notifier (levqor serve) the os channel publishes notify.notice for the browsers', async () => {
    const { core, clock, timer } = setup(null);
    const published: Array<EventPayload<'notify.notice'>> = [];
        core.events.on('notify.notice', (n) => published.push(n));
    core.events.emit('guardian.alert', { monitorId: 'm1', name: 'shop', kind: 'down', message: '"shop" is DOWN: HTTP 500', at: clock.now() });
    expect(published).toEqual([]); // delivered from the outbox, not from inside the emit
    await timer.runDue();
    expect(published).toEqual([{ id: expect.any(String), title: 'Monitor DOWN: shop', body: '"shop" is DOWN: HTTP 500', area: 'guardian', at: clock.now(), severity: 'critical' }]);
    expect(core.notify.outbox({ limit: 10 })).toMatchObject([{ channel: 'os', state: 'sent', attempts: 1, notice: published[0] }]);
  });
});
