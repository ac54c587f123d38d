import type { Core } from '../core';
import { connectUpdater, type AutoUpdaterLike } from './updater-port';

export type { AutoUpdaterLike } from './updater-port';

export interface UpdateCheckOptions {
  core: Pick<Core, 'settings' | 'log' | 'updates'>;
  /** app.isPackaged: an unpackaged dev build has no update feed and nothing to replace. */
  isPackaged: boolean;
  /** Loaded only when a check will run, so dev starts never load electron-updater. */
  loadUpdater: () => AutoUpdaterLike | Promise<AutoUpdaterLike>;
}

export type UpdateCheckOutcome = 'disabled' | 'unpackaged' | 'checked' | 'failed';

/**
 * One quiet update check at start. A newer version is only announced (app.updateAvailable):
 * nothing downloads or installs until the founder approves it (core/updates). Offline, a
 * missing feed or a bad signature are normal for a desktop app, so every failure is a
 * warning in the log: no throw, no dialog.
 */
export async function checkForUpdatesQuietly(options: UpdateCheckOptions): Promise<UpdateCheckOutcome> {
  const { core } = options;
  if (!options.isPackaged) return 'unpackaged';
  let enabled: boolean;
  try {
    enabled = core.settings.get('updates.autoCheck');
  } catch (err) {
    core.log.warn({ err: describe(err) }, 'update check skipped: could not read updates.autoCheck');
    return 'failed';
  }
  if (!enabled) return 'disabled';
  try {
    const updater = await options.loadUpdater();
    // electron-updater also emits 'error' (e.g. during a background download); an EventEmitter
    // with no 'error' listener would throw it as an uncaught exception
    updater.on('error', (err) => core.log.warn({ err: describe(err) }, 'updater error'));
    connectUpdater(core, updater);
    await updater.checkForUpdates();
    core.log.info('update check done');
    return 'checked';
  } catch (err) {
    core.log.warn({ err: describe(err) }, 'update check failed');
    return 'failed';
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
