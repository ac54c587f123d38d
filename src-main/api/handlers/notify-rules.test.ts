import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../dispatcher';
import { dispatcherCall } from '../../../tests/helpers/dispatcher-call';
import { notifyCore, type NotifyTestCore } from '../../../tests/helpers/notify/notify-core';

let t: NotifyTestCore | undefined;
afterEach(() => t?.close());

function api() {
  t = notifyCore();
  return dispatcherCall(createDispatcher(t.core));
}

describe('notify.rules, notify.setRule, notify.resetRule through the dispatcher', () => {
  it('changes only the fields given, and reset brings the defaults back', async () => {
    const call = api();
    const set = await call('notify.setRule', { id: 'payment.failed', severity: 'warning', filter: { mode: 'live', customer: { contains: 'cus_' } } });
    expect(set).toMatchObject({ id: 'payment.failed', enabled: true, channels: ['os'], severity: 'warning', filter: { mode: 'live', customer: { contains: 'cus_' } }, changed: true });
    expect(set.defaults).toEqual({ enabled: true, channels: ['os'], severity: 'critical', filter: {} });
    expect(await call('notify.setRule', { id: 'payment.failed', channels: ['os', 'os'] })).toMatchObject({ channels: ['os'], severity: 'warning' });
    expect(await call('notify.setRule', { id: 'payment.failed', filter: {} })).toMatchObject({ filter: {}, changed: true });
    expect(await call('notify.resetRule', { id: 'payment.failed' })).toMatchObject({ severity: 'critical', changed: false });
  });

  it('refuses bad input with the field and the rule, and stores nothing', async () => {
    const call = api();
    const before = await call('notify.rules', {});
    const refused: Array<[unknown, RegExp]> = [
      [{ id: 'monitor.down' }, /give at least one of enabled, channels, severity, filter/],
      [{ id: 'monitor.down', severity: 'loud' }, /severity: must be one of info, warning, critical/],
      [{ id: 'monitor.down', channels: [] }, /channels: must name at least one channel/],
      [{ id: 'monitor.down', enabled: 'yes' }, /enabled: must be true or false/],
      [{ id: 'monitor.down', filter: { monitor: '' } }, /filter\.monitor/],
      [{ id: 'monitor.down', filter: { monitor: { startsWith: 'a' } } }, /filter\.monitor/],
      [{ id: 'monitor.down', colour: 'red', enabled: false }, /colour/],
      [{ id: 'monitor.down', channels: ['sms'] }, /channels: there is no channel "sms"; the channels are os/],
      [{ id: 'nope', enabled: false }, /id: there is no rule "nope"/],
    ];
    for (const [input, message] of refused) await expect(call('notify.setRule', input), JSON.stringify(input)).rejects.toThrow(message);
    expect(await call('notify.rules', {})).toEqual(before);
  });
});
