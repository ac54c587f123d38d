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
}

/** Where the built preload, renderer and icons are, packaged (inside app.asar) or not. */
export function appPaths(input: AppPathsInput): AppPaths {
  return {
    preload: join(input.mainDir, '..', 'preload', 'index.cjs'),
    rendererDir: join(input.mainDir, '..', 'renderer'),
    resource: (name) => (input.isPackaged ? join(input.resourcesPath, name) : join(input.appPath, 'resources', name)),
  };
}
