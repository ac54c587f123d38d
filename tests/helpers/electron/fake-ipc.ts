import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { IpcMainLike } from '../../../src-main/electron/ipc';

/**
 * Hand-written stand-ins for Electron's ipcMain / ipcRenderer pair, for tests only. Arguments
 * and replies go through structuredClone, as Electron's IPC serialises them.
 */
export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();

  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What ipcRenderer.invoke does: find the handler, clone in, clone out; a missing handler rejects. */
  async invoke(event: FakeSender, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    const reply = await handler(event.toEvent(), ...structuredClone(args));
    return structuredClone(reply);
  }
}

/** A sending frame, as ipcMain sees it: mutable so a test can navigate it or make it a subframe. */
export class FakeSender {
  url: string;
  isMainFrame = true;
  destroyed = false;
  gone = false;
  constructor(
    url: string,
    readonly webContents: WebContents = {} as WebContents,
  ) {
    this.url = url;
  }

  toEvent(): IpcMainInvokeEvent {
    const frame = this.gone
      ? null
      : {
          url: this.url,
          parent: this.isMainFrame ? null : {},
          isDestroyed: () => this.destroyed,
        };
    return { senderFrame: frame, sender: this.webContents } as unknown as IpcMainInvokeEvent;
  }
}

type RendererListener = (event: unknown, ...args: unknown[]) => void;

/** ipcRenderer for one window, wired to a FakeIpcMain, plus the webContents that sends to it. */
export function connectRenderer(ipcMain: FakeIpcMain, sender: FakeSender) {
  const listeners = new Map<string, Set<RendererListener>>();
  const ipcRenderer = {
    invoke: (channel: string, ...args: unknown[]) => ipcMain.invoke(sender, channel, ...args),
    on(channel: string, listener: RendererListener) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
      return ipcRenderer;
    },
    removeListener(channel: string, listener: RendererListener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  let destroyed = false;
  const webContents = {
    send(channel: string, ...args: unknown[]) {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: ipcRenderer }, ...structuredClone(args));
    },
    isDestroyed: () => destroyed,
    destroy: () => {
      destroyed = true;
    },
  };
  return { ipcRenderer, webContents, listenerCount: (channel: string) => listeners.get(channel)?.size ?? 0 };
}
