import type { AppUpdater, Core } from '../core';

/** What electron-updater says about an update (UpdateInfo), as far as it is read here. */
export interface UpdateInfoLike {
  version: string;
  releaseNotes?: string | ReadonlyArray<{ version: string; note: string | null }> | null;
}

/** The part of electron-updater's autoUpdater used here. */
export interface AutoUpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  checkForUpdates(): Promise<unknown>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'update-available', listener: (info: UpdateInfoLike) => void): unknown;
}

const maxNotes = 20_000;

/**
 * Puts electron-updater behind core's AppUpdater port. Its defaults would download an update
 * as soon as it is found and install it silently on quit; installing is a Class B action
 * that the founder approves (core/updates), so both are off and a found update is only
 * announced. Call before the first check.
 */
export function connectUpdater(core: Pick<Core, 'updates' | 'log'>, updater: AutoUpdaterLike): void {
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  updater.on('update-available', (info) => {
    const notes = releaseNotesText(info.releaseNotes);
    try {
      core.updates.available({ version: info.version, ...(notes ? { releaseNotes: notes } : {}) });
    } catch (err) {
      core.log.warn({ version: info.version, err: err instanceof Error ? err.message : String(err) }, 'update feed gave an unusable update');
    }
  });
  const port: AppUpdater = {
    download: async () => {
      await updater.downloadUpdate();
    },
    quitAndInstall: () => updater.quitAndInstall(),
  };
  core.updates.attachUpdater(port);
}

/** Release notes as plain text: the feed gives HTML, or one note per version with fullChangelog. */
export function releaseNotesText(notes: UpdateInfoLike['releaseNotes']): string | undefined {
  if (!notes) return undefined;
  const text = typeof notes === 'string' ? notes : notes.map((n) => `${n.version}: ${n.note ?? ''}`).join('\n\n');
  const plain = text
    .replace(/<br\s*\/?>|<\/(?:p|li|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return plain ? plain.slice(0, maxNotes) : undefined;
}
