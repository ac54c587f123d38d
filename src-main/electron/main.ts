import { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, Notification, powerMonitor, protocol, safeStorage, session, shell, Tray } from 'electron';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatcher } from '../api/dispatcher';
import { runInboundService, type InboundService } from '../server/inbound-service';
import { appRoutes } from '../server/routes';
import { loadOrCreateToken } from '../server/token';
import { claimDataDir, CoreHolder, createCore, defaultDataDir, type Core } from '../core';
import { appMenuTemplate } from './app-menu';
import { appPaths } from './app-paths';
import { respondToAppRequest } from './app-protocol-response';
import { appScheme, appSchemePrivileges } from './app-scheme';
import type { AppUrlPolicy } from './app-url';
import { createTrayNotice } from './hide-to-tray';
import { forwardEvents, registerIpc } from './ipc';
import { createOsNotifier } from './os-notifier';
import { chooseSecretCipher } from './safe-storage-cipher';
import { guardWebContents, hardenSession } from './security';
import { TrayService } from './tray-service';
import { checkForUpdatesQuietly, type AutoUpdaterLike } from './updater';
import { createMainWindow } from './window';
import { reportDesktopRuntime } from './report-runtime';
import { mainWindowOptions } from './window-options';

const appId = 'com.levqor.controlcenter';
const dataDir = resolve(process.env.LEVQOR_DATA_DIR || defaultDataDir());
const paths = appPaths({
  mainDir: dirname(fileURLToPath(import.meta.url)),
  isPackaged: app.isPackaged,
  resourcesPath: process.resourcesPath,
  appPath: app.getAppPath(),
});
const urlPolicy: AppUrlPolicy = { devServerUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL };
const devTools = !app.isPackaged;

// Chromium's profile (caches, the safeStorage key on Windows and Linux, the single-instance
// lock) lives inside our data dir: one folder to back up or move, and a second data dir
// (tests, LEVQOR_DATA_DIR) is a second, independent instance.
app.setPath('userData', join(dataDir, 'electron'));
// only possible before 'ready'; the handler is installed in start()
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

/** The current core: a restore of the app's data replaces it (holder.restart) without the app exiting. */
let core: Core | undefined;
let holder: CoreHolder<Core> | undefined;
let mainWindow: BrowserWindow | undefined;
let tray: TrayService<Electron.NativeImage, Electron.Menu> | undefined;
let quitting = false;
const windowIds = new Set<number>();
const cleanups: Array<() => void> = [];

if (!app.requestSingleInstanceLock()) {
  // another instance owns this data dir; it raises its window on 'second-instance'
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId(appId); // Windows shows notifications only for a known AUMID
  app.on('second-instance', () => showWindow());
  app.on('activate', () => showWindow());
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', shutdown);
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, () => urlPolicy, (url) => shell.openExternal(url), () => core?.log);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
  app.whenReady().then(start).catch(failToStart);
}

function start(): void {
  // safeStorage is usable only after 'ready' on Windows and Linux
  const choice = chooseSecretCipher(safeStorage, process.platform);
  // core's notices (monitor alerts, founder notifications, approvals) reach the founder as system
  // notifications, even with the window hidden in the tray; a click opens the window at the area
  const osNotifier = createOsNotifier(Notification, (area) => openInWindow(`#/${area}`));
  const held = (holder = new CoreHolder((restart) => createCore({ dataDir, osNotifier, coreRestart: restart, bundledRestic: paths.restic, ...(choice.cipher ? { cipher: choice.cipher } : {}) })));
  core = held.core;
  const log = core.log;
  log.info({ dataDir, packaged: app.isPackaged }, 'desktop app starting');
  if (choice.reason) log.warn({ reason: choice.reason }, 'OS keychain not used; secrets are encrypted with the key file in the data dir');

  hardenSession(session.defaultSession, log);
  session.defaultSession.protocol.handle(appScheme, (request) => respondToAppRequest(request, paths.rendererDir));
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ platform: process.platform, devTools })));
  // an OS shutdown or log-off must not be held up by the window hiding itself to the tray
  powerMonitor.on('shutdown', () => {
    quitting = true;
    app.quit();
  });
  startTray(core);
  // IPC, the event forwarding and the tray (stage, approvals, health) follow the current core: a restore of the
  // app's data lets go of the old one and binds the new one, then reloads the window onto it
  const bound: Array<() => void> = [];
  const unbind = () => {
    for (const cleanup of bound.splice(0).reverse()) cleanup();
  };
  let restarted = false;
  let inbound: InboundService | undefined;
  const token = loadOrCreateToken(dataDir);
  void held.bind({
    release: async () => {
      unbind();
      // the new core's inbound server takes the same port: let go of it first
      await inbound?.close();
      inbound = undefined;
    },
    bind: (current) => {
      core = current;
      reportDesktopRuntime(current, app.isPackaged);
      const dispatcher = createDispatcher(current);
      inbound = runInboundService(current, appRoutes(dispatcher), token, showInboundProblem);
      bound.push(
        registerIpc({
          ipcMain,
          dispatcher,
          log: current.log,
          policy: () => ({ ...urlPolicy, knownWindowIds: windowIds }),
          windowIdOf: (sender) => BrowserWindow.fromWebContents(sender)?.id,
        }),
        forwardEvents(current.events, () => (mainWindow && !mainWindow.isDestroyed() ? [mainWindow.webContents] : []), current.log),
      );
      if (tray) bound.push(tray.follow(current));
      if (restarted && mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.reload();
      restarted = true;
    },
  });
  cleanups.push(unbind, () => void inbound?.close());
  const claim = claimDataDir(dataDir, 'the desktop app');
  cleanups.push(() => claim.release());
  showWindow();
  // a long-lived transport, like levqor serve: schedules, monitors, sync and the notification outbox run
  held.startBackground();

  void checkForUpdatesQuietly({ core, isPackaged: app.isPackaged, loadUpdater: () => loadAutoUpdater(log) });
}

function startTray(current: Core): void {
  const service = new TrayService<Electron.NativeImage, Electron.Menu>(
    {
      loadIcon: (file) => {
        const icon = nativeImage.createFromPath(paths.resource(file));
        if (icon.isEmpty()) current.log.warn({ path: paths.resource(file) }, 'tray icon missing');
        // the PNG is 32px; macOS menu bar icons are 16pt
        return process.platform === 'darwin' ? icon.resize({ width: 16, height: 16 }) : icon;
      },
      createTray: (icon) => new Tray(icon),
      buildMenu: (items) => Menu.buildFromTemplate(items),
      showWindow,
      openInWindow,
      quit: () => app.quit(),
      // only macOS shows a title beside a tray icon; elsewhere the badge dot and tooltip carry the count
      showsTitle: process.platform === 'darwin',
      // the module's core, not `current`: a restore of the app's data replaces the core under the tray
      runBriefing: async () => {
        core?.briefing.run(true);
      },
      onError: (err) => core?.log.warn({ err: String(err) }, 'briefing from the tray failed'),
      pauseAlerts: (untilMs) => {
        if (untilMs === null) core?.notify.resume();
        else core?.notify.pause(Math.max(1, Math.round((untilMs - Date.now()) / 60_000)));
      },
    },
    current.stage.current,
  );
  try {
    service.start();
    tray = service;
  } catch (err) {
    // without a tray a hidden window could not be reached again, so closing it quits
    current.log.warn({ err: String(err) }, 'no system tray; closing the window will quit');
  }
}

/** Webhooks and heartbeats cannot reach the app: said once, the app runs on without them. */
function showInboundProblem(err: Error): void {
  if (Notification.isSupported()) new Notification({ title: 'Webhooks cannot reach Levqor X', body: err.message }).show();
}

/** Shows the window at a hash route (`#/approvals?id=…`), opening it if it was closed. */
function openInWindow(hash: string): void {
  showWindow();
  void mainWindow?.webContents.executeJavaScript(`location.hash = ${JSON.stringify(hash)}`);
}

function showWindow(): void {
  if (!core) return;
  if (!mainWindow || mainWindow.isDestroyed()) mainWindow = openMainWindow(core);
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function openMainWindow(current: Core): BrowserWindow {
  // read through `core`: the window outlives a restart of the core
  const notice = createTrayNotice({ get db() { return (core ?? current).db; }, get clock() { return (core ?? current).clock; } }, ({ title, body }) => {
    if (Notification.isSupported()) new Notification({ title, body }).show();
  });
  const windowInput: Parameters<typeof createMainWindow>[0] = {
    preload: paths.preload,
    devServerUrl: urlPolicy.devServerUrl,
    devTools,
    icon: process.platform === 'darwin' ? undefined : paths.resource('icon.png'),
    shouldHideOnClose: () => !quitting && tray?.isRunning === true,
    onHiddenToTray: () => {
      try {
        notice();
      } catch (err) {
        current.log.warn({ err: String(err) }, 'could not show the tray notice');
      }
    },
    log: current.log,
  };
  const win = createMainWindow(windowInput);
  reportDesktopRuntime(core ?? current, app.isPackaged, mainWindowOptions(windowInput).webPreferences);
  // Windows log-off or shutdown: let the window close instead of hiding it
  const letClose = () => {
    quitting = true;
  };
  win.on('query-session-end', letClose);
  win.on('session-end', letClose);
  const id = win.id;
  windowIds.add(id);
  win.on('closed', () => {
    windowIds.delete(id);
    if (mainWindow === win) mainWindow = undefined;
  });
  return win;
}

async function loadAutoUpdater(log: Core['log']): Promise<AutoUpdaterLike> {
  // electron-updater is CommonJS; from ESM its exports sit on `default`
  const mod = (await import('electron-updater')) as unknown as { default?: typeof import('electron-updater') } & typeof import('electron-updater');
  const { autoUpdater } = mod.default ?? mod;
  autoUpdater.logger = {
    info: (message?: unknown) => log.info({ updater: String(message) }, 'updater'),
    warn: (message?: unknown) => log.warn({ updater: String(message) }, 'updater'),
    error: (message?: unknown) => log.warn({ updater: String(message) }, 'updater'),
    debug: (message: string) => log.debug({ updater: message }, 'updater'),
  };
  return autoUpdater;
}

let shutDown = false;
function shutdown(): void {
  if (shutDown) return;
  shutDown = true;
  for (const cleanup of cleanups.reverse()) {
    try {
      cleanup();
    } catch {
      // keep closing the rest
    }
  }
  tray?.destroy();
  if (core) {
    core.log.info('desktop app quit');
    holder?.close();
    core = undefined;
  }
}

function failToStart(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  const abiMismatch = /NODE_MODULE_VERSION|better[-_]sqlite3|was compiled against a different Node\.js version/i.test(message);
  const hint = abiMismatch
    ? '\n\nbetter-sqlite3 is built for Node, not for Electron. Run `npx electron-builder install-app-deps` to rebuild it for Electron (and `npm rebuild better-sqlite3` to go back to the headless server and tests).'
    : '';
  console.error(`Levqor X could not start: ${message}${hint}`);
  core?.log.error({ err: message }, 'desktop app failed to start');
  dialog.showErrorBox('Levqor X could not start', `${message}${hint}`);
  app.exit(1);
}
