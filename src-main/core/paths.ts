import { homedir } from 'node:os';
import { join } from 'node:path';

export const dataDirName = 'Levqor X';

/** The OS app-data folder for Levqor X, as Electron's appData would place it. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), dataDirName);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', dataDirName);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), dataDirName);
}
