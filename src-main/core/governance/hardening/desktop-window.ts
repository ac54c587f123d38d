import type { WindowFacts } from '../sources';
import { defineHardeningItem, type HardeningItemDef } from './item';

/** The Electron security checklist items the running window can show (docs/security.md): the preference and the value it must have. */
const windowRules: Array<{ key: keyof WindowFacts; label: string; want: boolean; why: string }> = [
  { key: 'contextIsolation', label: 'Context isolation on', want: true, why: 'the page cannot reach the preload\u2019s internals' },
  { key: 'sandbox', label: 'Renderer sandboxed', want: true, why: 'a compromised page cannot reach the system' },
  { key: 'nodeIntegration', label: 'Node integration off', want: false, why: 'the page cannot run Node code' },
  { key: 'webSecurity', label: 'Web security on', want: true, why: 'the same-origin policy holds' },
  { key: 'allowRunningInsecureContent', label: 'No insecure content', want: false, why: 'nothing loads over plain http' },
  { key: 'webviewTag', label: '<webview> off', want: false, why: 'no page can embed another' },
];

const desktopOnly = 'Only the desktop app can check this (its window\u2019s settings); levqor serve and the CLI run no window.';

export const desktopWindowItems: HardeningItemDef[] = windowRules.map((rule) =>
  defineHardeningItem({ id: `electron.${rule.key}`, label: rule.label, where: 'desktop', fix: '#/settings' }, ({ runtime }) => {
    const window = runtime().window;
    if (!window) return { status: 'unknown', reason: desktopOnly };
    const value = window[rule.key] ?? false;
    return value === rule.want ? { status: 'pass', reason: `${rule.key} is ${value}: ${rule.why}.` } : { status: 'fail', reason: `${rule.key} is ${value}, not ${rule.want}: reinstall the app, so that ${rule.why}.` };
  }),
);

export const devToolsPackaged = defineHardeningItem({ id: 'electron.devTools', label: 'DevTools off when packaged', where: 'desktop', fix: '#/settings' }, ({ runtime }) => {
  const facts = runtime();
  if (!facts.window) return { status: 'unknown', reason: desktopOnly };
  if (!facts.packaged) return { status: 'warn', reason: 'This is an unpackaged (development) build: DevTools are on. Run the packaged app for real use.' };
  return facts.window.devTools ? { status: 'fail', reason: 'DevTools are on in the packaged app: reinstall it.' } : { status: 'pass', reason: 'DevTools are off in the packaged app.' };
});
