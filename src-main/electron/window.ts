import { BrowserWindow } from 'electron';
import type { Logger } from '../core/logger';
import { appIndexUrl } from './app-scheme';
import { mainWindowOptions, type WindowOptionsInput } from './window-options';

export interface MainWindowOptions extends WindowOptionsInput {
  /** electron-vite's dev server, only ever set for unpackaged runs; otherwise the page is app://levqor/. */
  devServerUrl: string | undefined;
  /** false while quitting (tray, menu, app.quit) or when there is no tray to come back from. */
  shouldHideOnClose: () => boolean;
  onHiddenToTray: () => void;
  log: Logger;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(options));

  win.once('ready-to-show', () => win.show());
  win.on('close', (event) => {
    if (!options.shouldHideOnClose()) return;
    event.preventDefault();
    win.hide();
    options.onHiddenToTray();
  });

  win.loadURL(options.devServerUrl ?? appIndexUrl).catch((err: unknown) => options.log.error({ err: String(err) }, 'the window could not load the app page'));
  return win;
}
