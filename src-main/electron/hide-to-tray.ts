import type { Core } from '../core';
import { readAppState, writeAppState } from './app-state';

export const trayNoticeKey = 'desktop.trayNoticeShown';

export const trayNotice = {
  title: 'Levqor X is still running',
  body: 'Closing the window keeps Levqor X in the tray so workflows, schedules and alerts keep running. Quit from the tray menu.',
} as const;

export type TrayNotice = typeof trayNotice;

/**
 * Called each time the window is hidden to the tray: the first time ever (per data dir) it
 * tells the founder the app is still running, because a window that "closes" without the app
 * quitting surprises people. Returns whether the notice was shown.
 */
export function createTrayNotice(core: Pick<Core, 'db' | 'clock'>, notify: (notice: TrayNotice) => void): () => boolean {
  return () => {
    if (readAppState(core.db, trayNoticeKey) !== undefined) return false;
    // recorded before notifying: a notification that fails to show must not repeat on every close
    writeAppState(core.db, trayNoticeKey, String(core.clock.now()));
    notify(trayNotice);
    return true;
  };
}
