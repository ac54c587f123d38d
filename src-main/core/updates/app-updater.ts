/**
 * What core needs of the desktop app's updater (electron-updater, which lives only in
 * src-main/electron/). The desktop app hands one in with `core.updates.attachUpdater`;
 * levqor serve and the CLI have none, so they cannot install updates.
 */
export interface AppUpdater {
  /** Downloads the update the last check found (its signature is checked); rejects on failure. */
  download(): Promise<void>;
  /** Quits the app and installs the downloaded update; the process ends soon after. */
  quitAndInstall(): void;
}
