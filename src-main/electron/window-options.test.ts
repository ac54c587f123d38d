import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options';

const base = { preload: '/app/out/preload/index.cjs', icon: '/app/resources/icon.png' };

describe('mainWindowOptions', () => {
  it('locks the page down: isolated, sandboxed, no Node, no webview, web security on', () => {
    expect(mainWindowOptions({ ...base, devTools: false }).webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
      spellcheck: false,
    });
  });

  it('has DevTools only when asked (unpackaged runs)', () => {
    expect(mainWindowOptions({ ...base, devTools: false }).webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions({ ...base, devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('sets the icon only when there is one', () => {
    expect(mainWindowOptions({ ...base, devTools: false }).icon).toBe('/app/resources/icon.png');
    expect(mainWindowOptions({ ...base, icon: undefined, devTools: false })).not.toHaveProperty('icon');
  });
});
