import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from './app-menu';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('appMenuTemplate', () => {
  it.each(['win32', 'linux', 'darwin'] as const)('on %s, packaged: no DevTools, no reload and no role menu that carries them', (platform) => {
    const found = roles(appMenuTemplate({ platform, devTools: false }));
    expect(found).not.toContain('toggleDevTools');
    expect(found).not.toContain('reload');
    expect(found).not.toContain('forceReload');
    // Electron's own View menu role brings reload and DevTools back
    expect(found).not.toContain('viewMenu');
    expect(found).toEqual(expect.arrayContaining(['editMenu', 'zoomIn', 'togglefullscreen', 'windowMenu']));
  });

  it('keeps DevTools and reload while developing', () => {
    expect(roles(appMenuTemplate({ platform: 'linux', devTools: true }))).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('gives macOS its app menu and the others a File menu', () => {
    expect(roles(appMenuTemplate({ platform: 'darwin', devTools: false }))[0]).toBe('appMenu');
    expect(roles(appMenuTemplate({ platform: 'win32', devTools: false }))[0]).toBe('fileMenu');
  });
});
