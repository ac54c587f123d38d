import type { MenuItemConstructorOptions } from 'electron';

export interface AppMenuInput {
  platform: NodeJS.Platform;
  /** !app.isPackaged: reload and DevTools exist (with their shortcuts) only while developing. */
  devTools: boolean;
}

/**
 * The application menu, replacing Electron's default one, whose View menu reloads the page
 * and opens DevTools (Ctrl+Shift+I, F12 on Windows and Linux) in a shipped app too. Menu
 * roles are the only place those shortcuts live, so leaving the items out removes them.
 */
export function appMenuTemplate(input: AppMenuInput): MenuItemConstructorOptions[] {
  const developing: MenuItemConstructorOptions[] = input.devTools
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  return [
    // macOS needs the app menu (Quit, Hide) and the Edit menu for copy and paste shortcuts to work
    input.platform === 'darwin' ? { role: 'appMenu' } : { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [...developing, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
  ];
}
