import { join } from 'node:path';

export interface AppPathsInput {
  /** The folder of the built main bundle (out/main). */
  mainDir: string;
  isPackaged: boolean;
  /** process.resourcesPath: where electron-builder's extraResources land in a packaged app. */
  resourcesPath: string;
  /** app.getAppPath(): the repo root when run unpackaged with `electron .`. */
  appPath: string;
}

export interface AppPaths {
  preload: string;
  /** The built renderer (out/renderer), served as app://levqor/ and nothing outside it. */
  rendererDir: string;
  resource(name: string): string;
  /**
   * The restic shipped with the app (scripts/bundle-restic.js puts it in
   * resources/restic/<platform>-<arch>/; electron-builder copies that folder to restic/):
   * core runs it when the setting backup.resticPath is empty and PATH has no restic.
   */
  restic: string;
}

/** Where the built preload, renderer and icons are, packaged (inside app.asar) or not. */
export function appPaths(input: AppPathsInput, platform: NodeJS.Platform = process.platform, arch: string = process.arch): AppPaths {
  const program = platform === 'win32' ? 'restic.exe' : 'restic';
  return {
    restic: input.isPackaged ? join(input.resourcesPath, 'restic', program) : join(input.appPath, 'resources', 'restic', `${platform}-${arch}`, program),
    preload: join(input.mainDir, '..', 'preload', 'index.cjs'),
    rendererDir: join(input.mainDir, '..', 'renderer'),
    resource: (name) => (input.isPackaged ? join(input.resourcesPath, name) : join(input.appPath, 'resources', name)),
  };
}
