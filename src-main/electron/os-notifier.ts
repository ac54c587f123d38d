import { areas, type AreaId } from '../../shared/areas';
import type { OsNotifier } from '../core/notify/channel';

/** The part of Electron's Notification this uses (a fake stands in for it in tests). */
export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}

export interface NotificationClass {
  new (options: { title: string; body: string }): NotificationLike;
  isSupported(): boolean;
}

/**
 * The OS notifier port of core/notify, with Electron's Notification: core decides what to
 * tell the founder and when (rules, outbox); this shows it, and clicking it brings the window
 * up at the notice's area.
 */
export function createOsNotifier(Notification: NotificationClass, openArea: (area: AreaId) => void): OsNotifier {
  return {
    isSupported: () => Notification.isSupported(),
    show: ({ title, body, area }) => {
      // the area id comes from the fixed list in shared/areas, never from the notice's text
      const target = areas.find((a) => a.id === area)?.id;
      const notification = new Notification({ title, body });
      notification.on('click', () => {
        if (target) openArea(target);
      });
      notification.show();
    },
  };
}
