import { EventEmitter } from 'node:events';
import type { AutoUpdaterLike, UpdateInfoLike } from '../../../src-main/electron/updater-port';

/**
 * Stands in for electron-updater's autoUpdater: an EventEmitter with its two defaults as they
 * ship (download as soon as an update is found, install on quit), a scripted check, and a
 * record of every call in order.
 */
export class FakeAutoUpdater extends EventEmitter implements AutoUpdaterLike {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  checks = 0;
  readonly calls: string[] = [];
  /** The defaults as they were when the check ran. */
  atCheck: { autoDownload: boolean; autoInstallOnAppQuit: boolean } | undefined;
  /** What the next download does (default: finishes at once). */
  downloading: () => Promise<unknown> = async () => ['/tmp/levqor-update.exe'];

  constructor(private readonly check: (self: FakeAutoUpdater) => Promise<unknown> = async () => null) {
    super();
  }

  checkForUpdates(): Promise<unknown> {
    this.checks++;
    this.atCheck = { autoDownload: this.autoDownload, autoInstallOnAppQuit: this.autoInstallOnAppQuit };
    this.calls.push('checkForUpdates');
    return this.check(this);
  }

  downloadUpdate(): Promise<unknown> {
    this.calls.push('downloadUpdate');
    return this.downloading();
  }

  quitAndInstall(): void {
    this.calls.push('quitAndInstall');
  }

  /** What electron-updater does during a check that finds a newer version. */
  offer(info: UpdateInfoLike): void {
    this.emit('update-available', info);
  }
}
