import { isAppUrl, type AppUrlPolicy } from './app-url';

/** What the IPC handler knows about who sent a message, as plain data. */
export interface SenderInfo {
  /** The sending frame's URL; undefined when Electron no longer has the frame (navigated or destroyed). */
  frameUrl: string | undefined;
  isMainFrame: boolean;
  /** The BrowserWindow hosting the sender, if any. */
  windowId: number | undefined;
}

export interface SenderPolicy extends AppUrlPolicy {
  /** The windows this app created; anything else (a devtools extension, a stray webContents) is refused. */
  knownWindowIds: ReadonlySet<number>;
}

export type SenderVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Every IPC call's sender is checked before the dispatcher sees it (Electron security
 * checklist item 17; VS Code validates its ipcMain senders the same way): the main frame of
 * one of our windows, showing our own page. A subframe or a navigated-away page gets nothing.
 */
export function checkSender(sender: SenderInfo, policy: SenderPolicy): SenderVerdict {
  if (sender.frameUrl === undefined) return { ok: false, reason: 'the sending frame is gone' };
  if (!sender.isMainFrame) return { ok: false, reason: 'sent from a subframe' };
  if (sender.windowId === undefined || !policy.knownWindowIds.has(sender.windowId)) {
    return { ok: false, reason: 'sent from a window this app did not create' };
  }
  if (!isAppUrl(sender.frameUrl, policy)) return { ok: false, reason: 'sent from a page that is not the app' };
  return { ok: true };
}
