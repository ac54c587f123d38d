import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { FakeIpcMain } from './fake-ipc';

/**
 * A hand-written stand-in for the 'electron' module, just wide enough for main.ts to start,
 * open its window, serve IPC and quit in plain Node. Every object records what was done to it.
 */

class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  destroyed = false;
  mainFrameUrl = '';
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  isDestroyed() {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  readonly scripts: string[] = [];
  async executeJavaScript(code: string) {
    this.scripts.push(code);
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly all: BrowserWindow[] = [];
  private static nextId = 1;
  readonly id = BrowserWindow.nextId++;
  readonly webContents = new FakeWebContents();
  visible = false;
  destroyed = false;
  loaded: { url?: string } = {};

  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    BrowserWindow.all.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  static fromWebContents(contents: unknown) {
    return BrowserWindow.all.find((w) => w.webContents === contents && !w.destroyed) ?? null;
  }
  static getAllWindows() {
    return BrowserWindow.all.filter((w) => !w.destroyed);
  }
  async loadURL(url: string) {
    this.loaded = { url };
    this.webContents.mainFrameUrl = url;
    this.emit('ready-to-show');
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  focus() {}
  isMinimized() {
    return false;
  }
  restore() {}
  isDestroyed() {
    return this.destroyed;
  }
  /** Like the OS close button: 'close' may be prevented, otherwise the window is destroyed. */
  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  ready = false;
  readonly paths = new Map<string, string>();
  exitCode: number | undefined;
  quitCalls = 0;
  getAppPath() {
    return process.cwd();
  }
  setPath(name: string, value: string) {
    this.paths.set(name, value);
  }
  requestSingleInstanceLock() {
    return true;
  }
  setAppUserModelId() {}
  whenReady() {
    return Promise.resolve().then(() => {
      this.ready = true;
    });
  }
  /** Electron's order: before-quit, every window closes, then will-quit. */
  quit() {
    this.quitCalls++;
    this.emit('before-quit', { preventDefault() {} });
    for (const win of BrowserWindow.getAllWindows()) win.close();
    if (BrowserWindow.getAllWindows().length === 0) this.emit('will-quit', { preventDefault() {} });
  }
  exit(code: number) {
    this.exitCode = code;
  }
}

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const powerMonitor = new EventEmitter();

export class Tray {
  static readonly all: Tray[] = [];
  toolTip = '';
  title = '';
  menu: { items: Array<{ label?: string; click?: () => void }> } | null = null;
  destroyed = false;
  constructor(public icon: unknown) {
    Tray.all.push(this);
  }
  setImage(icon: unknown) {
    this.icon = icon;
  }
  setTitle(title: string) {
    this.title = title;
  }
  setToolTip(toolTip: string) {
    this.toolTip = toolTip;
  }
  setContextMenu(menu: Tray['menu']) {
    this.menu = menu;
  }
  on() {
    return this;
  }
  destroy() {
    this.destroyed = true;
  }
}

type FakeMenu = { items: Array<{ label: string; click: () => void }> };

export const Menu = {
  applicationMenu: null as FakeMenu | null,
  buildFromTemplate: (items: FakeMenu['items']): FakeMenu => ({ items }),
  setApplicationMenu(menu: FakeMenu | null) {
    Menu.applicationMenu = menu;
  },
};

export const protocol = {
  privileged: [] as Array<{ scheme: string; privileges?: Record<string, boolean> }>,
  /** Like Electron, refuses once the app is ready. */
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>) {
    if (app.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    protocol.privileged.push(...schemes);
  },
};

export const nativeImage = {
  createFromPath: (path: string) => ({ path, isEmpty: () => !existsSync(path), resize: () => ({ path }) }),
};

export class Notification extends EventEmitter {
  static readonly shown: Array<{ title: string; body: string }> = [];
  /** Every notification shown, to click in a test (`emit('click')`). */
  static readonly instances: Notification[] = [];
  static supported = true;
  static isSupported() {
    return Notification.supported;
  }
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show() {
    Notification.shown.push(this.options);
    Notification.instances.push(this);
  }
}

export const safeStorage = {
  isEncryptionAvailable: () => false,
  encryptString: () => Buffer.alloc(0),
  decryptString: () => '',
};

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type HeadersListener = (details: { responseHeaders?: Record<string, string[]> }, callback: (response: unknown) => void) => void;

class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | undefined;
  permissionCheckHandler: (() => boolean) | undefined;
  headersListener: HeadersListener | undefined;
  readonly protocol = {
    handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>) {
      if (this.handlers.has(scheme)) throw new Error(`The scheme has been handled: ${scheme}`);
      this.handlers.set(scheme, handler);
    },
  };
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: PermissionRequestHandler) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: () => boolean) {
    this.permissionCheckHandler = handler;
  }
}

export const session = { defaultSession: new FakeSession() };

export const shell = {
  opened: [] as string[],
  async openExternal(url: string) {
    shell.opened.push(url);
  },
};

export const dialog = {
  errors: [] as string[][],
  showErrorBox(title: string, content: string) {
    dialog.errors.push([title, content]);
  },
};
