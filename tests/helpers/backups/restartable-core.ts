import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createCore, type Core, type CoreRestart } from '../../../src-main/core';

export interface RestartableCore {
  root: string;
  dataDir: string;
  /** The core open now: a restore swaps the data and opens a new one. */
  readonly core: Core;
  /** What the holder of the core (levqor serve, the desktop app) does around a restore's swap. */
  holder: CoreRestart;
}

/** A real core on a temp data dir for the calling test file, reopened by the holder around a restore of the app's data. */
export function useRestartableCore(prefix: string, secretKey: string): RestartableCore {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const dataDir = join(root, 'data');
  const env = { PATH: process.env.PATH, HOME: root, LEVQOR_SECRET_KEY: secretKey, LEVQOR_PRODUCTS_DIR: join(root, 'products') };
  let core: Core | undefined;
  const open = () => (core = createCore({ dataDir, env, logToFile: false }));
  beforeAll(open);
  afterAll(() => {
    core?.close();
    rmSync(root, { recursive: true, force: true });
  });
  return {
    root,
    dataDir,
    get core() {
      if (!core) throw new Error('the core is not open yet (use it inside tests or hooks)');
      return core;
    },
    holder: {
      stopBackground: () => core?.background.stopNow(),
      resumeBackground: () => undefined,
      restart: async (swap) => {
        core?.close();
        swap();
        open();
      },
    },
  };
}
