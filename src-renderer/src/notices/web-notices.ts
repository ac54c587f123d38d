import { areas } from '../../../shared/areas';
import type { RendererApi } from '../../../shared/contract';
import { hrefFor } from '../routing/use-hash-route';

/** The browser this page runs in, as far as notices need it (a test passes its own). */
export interface NoticeHost {
  /** The Web Notifications API; undefined where the browser has none or the page is not a secure context. */
  Notification: typeof Notification | undefined;
  focus(): void;
  setHash(hash: string): void;
}

export type NoticePermission = NotificationPermission | 'unsupported';

export function browserHost(): NoticeHost {
  return {
    Notification: typeof Notification === 'function' && window.isSecureContext ? Notification : undefined,
    focus: () => window.focus(),
    setHash: (hash) => {
      window.location.hash = hash;
    },
  };
}

export function noticePermission(host: NoticeHost = browserHost()): NoticePermission {
  return host.Notification ? host.Notification.permission : 'unsupported';
}

/** The founder's click on "Show notifications in this browser": the only place the browser is asked. */
export async function allowNotices(host: NoticeHost = browserHost()): Promise<NoticePermission> {
  if (!host.Notification) return 'unsupported';
  return host.Notification.requestPermission();
}

/**
 * A browser of levqor serve shows each notify.notice (the os channel's notice where no OS
 * notifier exists) as a Web Notification, once the founder allowed it here; clicking it
 * focuses the tab and opens the notice's area. The desktop window never calls this: there
 * the OS notifier shows the notice, and a second copy would be noise.
 */
export function showNoticesInBrowser(api: Pick<RendererApi, 'on'>, host: NoticeHost = browserHost()): () => void {
  return api.on('notify.notice', (notice) => {
    const WebNotification = host.Notification;
    if (!WebNotification || WebNotification.permission !== 'granted') return;
    // the area id comes from the fixed list in shared/areas, never from the notice's text
    const area = areas.find((a) => a.id === notice.area)?.id;
    // one notice open in several tabs replaces itself instead of showing twice
    const shown = new WebNotification(notice.title, { body: notice.body, tag: notice.id });
    shown.onclick = () => {
      host.focus();
      if (area) host.setHash(hrefFor(area));
      shown.close();
    };
  });
}
