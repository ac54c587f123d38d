import { BrowserWindow } from 'electron';
import { brand } from '../../shared/brand';
import type { Logger } from '../core/logger';
import type { AppPaths } from './app-paths';

export interface MainWindowOptions {
  paths: AppPaths;
  /** electron-vite's dev server, only ever set for unpackaged runs. */
  devServerUrl: string | undefined;
  /** The window icon on Linux and Windows (macOS takes it from the bundle). */
  icon: string | undefined;
  /** false while quitting (tray, menu, app.quit) or when there is no tray to come back from. */
  shouldHideOnClose: () => boolean;
  onHiddenToTray: () => void;
  log: Logger;
}

/** The main window, locked down per Electron's security checklist. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Levqor X Control Center',
    backgroundColor: brand.colors.midnightGraphite,
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: {
      preload: options.paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Chromium's spellchecker fetches dictionaries from Google's CDN; the app stays offline-first
      spellcheck: false,
    },
  });

  win.once('ready-to-show', () => win.show());
  win.on('close', (event) => {
    if (!options.shouldHideOnClose()) return;
    event.preventDefault();
    win.hide();
    options.onHiddenToTray();
  });

  const loading = options.devServerUrl ? win.loadURL(options.devServerUrl) : win.loadFile(options.paths.rendererIndex);
  loading.catch((err: unknown) => options.log.error({ err: String(err) }, 'the window could not load the app page'));
  return win;
}
