import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { isProcedureName, isRendererProcedure } from '../../shared/contract';
import type { CallResult, Dispatcher } from '../api/dispatcher';
import type { EventBus } from '../core/event-bus';
import type { Logger } from '../core/logger';
import { callChannel, eventChannel } from './channels';
import { checkSender, type SenderInfo, type SenderPolicy } from './sender-check';
import { jsonValueTooDeep, tooDeepMessage } from '../../shared/json-depth';

/** The part of ipcMain used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** The fields of an invoke event the sender check reads. */
export type InvokeEventLike = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;

export interface IpcOptions {
  ipcMain: IpcMainLike;
  dispatcher: Dispatcher;
  log: Logger;
  /** Read on every call: windows come and go, and the dev server URL is known only at start. */
  policy: () => SenderPolicy;
  /** BrowserWindow.fromWebContents(sender)?.id, injected so this file needs no Electron at runtime. */
  windowIdOf: (sender: WebContents) => number | undefined;
}

const forbidden: CallResult = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This page may not call the Levqor API' },
};

/**
 * A procedure the renderer never calls is refused before the dispatcher sees it, whatever the
 * page sends: the preload offers no such method, but a compromised page can invoke the
 * channel itself. The list is shared/contract/renderer-procedures.ts.
 */
export function refuseOffListProcedure(name: string): CallResult | undefined {
  if (isRendererProcedure(name)) return undefined;
  if (!isProcedureName(name)) return { ok: false, error: { code: 'UNKNOWN_PROCEDURE', message: `Unknown procedure "${name}"`, field: 'procedure' } };
  return { ok: false, error: { code: 'FORBIDDEN', message: `"${name}" cannot be called from the desktop window`, field: 'procedure' } };
}

/** Plain data about the sender of an invoke; Electron getters that may throw are contained here. */
export function senderInfoOf(event: InvokeEventLike, windowIdOf: (sender: WebContents) => number | undefined): SenderInfo {
  try {
    const frame = event.senderFrame;
    if (!frame || frame.isDestroyed()) return { frameUrl: undefined, isMainFrame: false, windowId: undefined };
    return { frameUrl: frame.url, isMainFrame: frame.parent === null, windowId: windowIdOf(event.sender) };
  } catch {
    return { frameUrl: undefined, isMainFrame: false, windowId: undefined };
  }
}

/**
 * The one IPC channel: `levqor:call(name, input)` resolves to the dispatcher's CallResult,
 * never rejects, so no stack trace or Electron error text ever reaches the renderer.
 * Returns the unregister function.
 */
export function registerIpc(options: IpcOptions): () => void {
  const { ipcMain, dispatcher, log } = options;
  ipcMain.handle(callChannel, async (event, name: unknown, input: unknown): Promise<CallResult> => {
    const verdict = checkSender(senderInfoOf(event, options.windowIdOf), options.policy());
    if (!verdict.ok) {
      log.warn({ reason: verdict.reason, procedure: typeof name === 'string' ? name : undefined }, 'ipc call refused');
      return forbidden;
    }
    if (typeof name !== 'string') {
      return { ok: false, error: { code: 'BAD_INPUT', message: 'procedure: must be a string', field: 'procedure' } };
    }
    const refusal = refuseOffListProcedure(name);
    if (refusal) {
      log.warn({ procedure: name.slice(0, 100) }, 'ipc call refused: not a procedure the renderer calls');
      return refusal;
    }
    if (jsonValueTooDeep(input)) return { ok: false, error: { code: 'BAD_INPUT', message: tooDeepMessage('input'), field: 'input' } };
    try {
      return await dispatcher.call(name, input, { transport: 'ipc' });
    } catch (err) {
      log.error({ err: err instanceof Error ? err.message : String(err), procedure: name }, 'ipc dispatch threw');
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong; the log in the data dir has the details' } };
    }
  });
  return () => ipcMain.removeHandler(callChannel);
}

/** Anything events can be pushed to: a WebContents. */
export interface EventTarget {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

/** Pushes every core event to our windows as `levqor:event(name, payload)`. Returns the unsubscribe. */
export function forwardEvents(events: EventBus, targets: () => Iterable<EventTarget>, log: Logger): () => void {
  return events.subscribe((name, payload) => {
    for (const target of targets()) {
      if (target.isDestroyed()) continue;
      try {
        target.send(eventChannel, name, payload);
      } catch (err) {
        log.warn({ event: name, err: err instanceof Error ? err.message : String(err) }, 'could not forward event to a window');
      }
    }
  });
}
