import type { WebPreferences } from 'electron';
import type { Core } from '../core';
import type { WindowFacts } from '../core/governance';

const windowKeys = ['contextIsolation', 'sandbox', 'nodeIntegration', 'webSecurity', 'allowRunningInsecureContent', 'webviewTag', 'devTools'] as const;
let shown: WindowFacts | undefined;

/**
 * Tells governance which web preferences the desktop window was made with (window-options.ts),
 * so the hardening checklist judges the Electron items from the window this process opened;
 * a core made after a restart hears the same.
 */
export function reportDesktopRuntime(core: Core, packaged: boolean, prefs?: WebPreferences): void {
  if (prefs) shown = Object.fromEntries(windowKeys.map((k) => [k, prefs[k] === true])) as WindowFacts;
  core.governance.reportRuntime({ transport: 'desktop', packaged, ...(shown ? { window: shown } : {}) });
}
