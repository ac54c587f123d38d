import type { BrowserWindowConstructorOptions } from 'electron';
import { brand } from '../../shared/brand';

export interface WindowOptionsInput {
  preload: string;
  /** The window icon on Linux and Windows (macOS takes it from the bundle). */
  icon: string | undefined;
  /** !app.isPackaged: a shipped app has no DevTools for a page (or anyone at the keyboard) to open. */
  devTools: boolean;
}

/** The main window's options, locked down per Electron's security checklist. */
export function mainWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Levqor X Control Center',
    backgroundColor: brand.colors.midnightGraphite,
    ...(input.icon ? { icon: input.icon } : {}),
    webPreferences: {
      preload: input.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: input.devTools,
      // Chromium's spellchecker fetches dictionaries from Google's CDN; the app stays offline-first
      spellcheck: false,
    },
  };
}
