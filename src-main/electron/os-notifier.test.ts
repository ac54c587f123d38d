import { afterEach, describe, expect, it } from 'vitest';
import type { AreaId } from '../../shared/areas';
import { notifyCore, type NotifyTestCore } from '../../tests/helpers/notify/notify-core';
import { heartbeatDownAndUp, refundDeskWaiting } from '../../tests/helpers/notify/scenarios';
import { createOsNotifier } from './os-notifier';
import { Notification } from '../../tests/helpers/electron/fake-electron';

const open: NotifyTestCore[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
  Notification.shown.length = 0;
  Notification.instances.length = 0;
  Notification.supported = true;
});

/** A real core whose OS notifier is this file's, over the fake Electron Notification; clicks are recorded. */
function setup() {
  const opened: AreaId[] = [];
  const t = notifyCore({ os: createOsNotifier(Notification, (area) => opened.push(area)) });
  open.push(t);
  t.core.background.start();
  return { ...t, opened };
}

describe('the OS notifier with Electron\u2019s Notification', () => {
  it('a heartbeat monitor going DOWN and back UP shows one notification per transition; a click opens the Guardian', async () => {
    const { core, clock, timer, opened } = setup();
    await heartbeatDownAndUp(core, clock);
    await timer.runDue();
    expect(Notification.shown.map((n) => n.title)).toEqual(['Monitor DOWN: nightly backup job', 'Monitor back UP: nightly backup job']);
    expect(Notification.shown[0]?.body).toMatch(/late by/);
    Notification.instances[0]?.emit('click');
    expect(opened).toEqual(['guardian']);
  });

  it('a workflow waiting at its approval and a notify.founder step show notifications; once the app stops, nothing more is shown', async () => {
    const { core, timer, opened } = setup();
    const id = await refundDeskWaiting(core);
    await timer.runDue();
    expect(Notification.shown).toEqual([
      { title: 'Refund asked', body: 'Order 42 wants a refund' },
      { title: 'Approval needed (Class C)', body: 'Refund desk › gate: Refund order 42?' },
    ]);
    for (const n of Notification.instances) n.emit('click');
    expect(opened).toEqual(['workflows', 'approvals']);

    await core.background.stop();
    await core.workflows.run({ id, wait: true });
    await timer.advance(60_000);
    expect(Notification.shown).toHaveLength(2);
    expect(core.notify.outbox({ state: 'pending', limit: 10 })).toHaveLength(2);
  });

  it('where the system shows no notifications, nothing is made and the outbox says why', async () => {
    Notification.supported = false;
    const { core, clock, timer } = setup();
    core.events.emit('guardian.alert', { monitorId: 'm1', name: 'shop', kind: 'down', message: '"shop" is DOWN: HTTP 500', at: clock.now() });
    await timer.runDue();
    expect(Notification.instances).toEqual([]);
    expect(core.notify.outbox({ limit: 1 })[0]).toMatchObject({ state: 'skipped', lastError: 'this system shows no notifications' });
  });
});
