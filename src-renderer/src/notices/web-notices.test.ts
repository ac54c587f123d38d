import { describe, expect, it } from 'vitest';
import { buildApi, rendererProcedureNames, type EventName, type Transport } from '../../../shared/contract';
import type { Notice } from '../../../shared/contract/notify';
import { allowNotices, noticePermission, showNoticesInBrowser, type NoticeHost } from './web-notices';

/** A transport whose event stream the test drives (what the browser's SSE would deliver). */
function eventSource() {
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  const transport: Transport = {
    call: () => Promise.reject(new Error('no calls here')),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { api: buildApi(transport, rendererProcedureNames), push: (name: EventName, payload: unknown) => listeners.forEach((l) => l(name, payload)) };
}

/** A stand-in for the browser's Notification API that records what was constructed. */
function browser(permission: NotificationPermission) {
  const made: Array<{ title: string; options: NotificationOptions | undefined; onclick: (() => void) | null; closed: boolean }> = [];
  class FakeNotification {
    static permission: NotificationPermission = permission;
    static requestPermission = async () => (FakeNotification.permission = 'granted');
    onclick: (() => void) | null = null;
    closed = false;
    constructor(title: string, options?: NotificationOptions) {
      made.push(this as never);
      Object.assign(this, { title, options });
    }
    close() {
      this.closed = true;
    }
  }
  const log: string[] = [];
  const host: NoticeHost = { Notification: FakeNotification as unknown as typeof Notification, focus: () => log.push('focus'), setHash: (h) => log.push(h) };
  return { host, made, log, Notification: FakeNotification };
}

const notice: Notice = { id: 'n1', title: 'Monitor DOWN: shop', body: '"shop" is DOWN: HTTP 500', area: 'guardian', at: 1 };

describe('notices in a browser of levqor serve', () => {
  it('shows nothing until the founder allows it, then one Web Notification per notice; a click focuses the tab at the area', async () => {
    const { api, push } = eventSource();
    const b = browser('default');
    showNoticesInBrowser(api, b.host);
    push('notify.notice', notice);
    expect(b.made).toEqual([]);
    expect(noticePermission(b.host)).toBe('default');

    expect(await allowNotices(b.host)).toBe('granted');
    push('notify.notice', notice);
    push('guardian.alert', { monitorId: 'm', name: 'shop', kind: 'down', message: 'x', at: 1 });
    expect(b.made).toMatchObject([{ title: 'Monitor DOWN: shop', options: { body: '"shop" is DOWN: HTTP 500', tag: 'n1' } }]);
    b.made[0]!.onclick!();
    expect(b.log).toEqual(['focus', '#/guardian']);
    expect(b.made[0]!.closed).toBe(true);
  });

  it('never turns payload text into a route', () => {
    const { api, push } = eventSource();
    const b = browser('granted');
    showNoticesInBrowser(api, b.host);
    push('notify.notice', { ...notice, area: 'javascript:alert(1)' });
    b.made[0]!.onclick!();
    expect(b.log).toEqual(['focus']);
  });

  it('a browser without the API (or a page that is not a secure context) says so and asks nothing', async () => {
    const host: NoticeHost = { Notification: undefined, focus: () => undefined, setHash: () => undefined };
    expect(noticePermission(host)).toBe('unsupported');
    expect(await allowNotices(host)).toBe('unsupported');
  });
});
