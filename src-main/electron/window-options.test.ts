import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options';

const base = { preload: '/app/out/preload/index.cjs', icon: '/app/resources/icon.png' };

/** Electron's security checklist, plus the offline-first spellchecker: what must be on, what must be off. */
const mustBeOn = ['contextIsolation', 'sandbox', 'webSecurity'] as const;
const mustBeOff = ['nodeIntegration', 'nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'allowRunningInsecureContent', 'webviewTag', 'navigateOnDragDrop', 'spellcheck'] as const;

describe('mainWindowOptions', () => {
  const prefs = mainWindowOptions({ ...base, devTools: false }).webPreferences ?? {};

  it.each(mustBeOn)('locks the page down: %s on', (option) => expect(prefs[option]).toBe(true));
  it.each(mustBeOff)('locks the page down: %s off', (option) => expect(prefs[option]).toBe(false));

  it('sets no other web preference than those, the preload script and DevTools', () => {
    expect(Object.keys(prefs).sort()).toEqual([...mustBeOn, ...mustBeOff, 'preload', 'devTools'].sort());
    expect(prefs.preload).toBe(base.preload);
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
