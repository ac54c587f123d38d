import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreConfig } from '../../../src-main/core';
import { ManualClock } from '../../../src-main/core/clock';
import { ManualTimer } from '../../../src-main/core/timer';
import type { AddPlanInput } from '../../../shared/contract/backup';
import type { LaunchStage } from '../../../shared/stage';

export interface BackupTestCore {
  core: Core;
  root: string;
  /** A folder with one small file, to back up. */
  folder: string;
  password: string;
  clock: ManualClock | undefined;
  timer: ManualTimer | undefined;
  /** Closes the core and opens a new one on the same data (a restart); `core` is then the new one. */
  restart(): Core;
  /** A plan on a fresh local repository under root (or `repo`), backing up `folder`. */
  plan(name: string, extra?: Partial<AddPlanInput>): AddPlanInput;
  cleanup(): void;
}

/**
 * A real core whose restic is the one on PATH, with a folder to back up. `manual` gives it time
 * that only moves when the test says so (the scheduler's fires, retry waits); `stage` its launch stage.
 */
export function backupTestCore(options: { manual?: boolean; stage?: LaunchStage; config?: Partial<CoreConfig> } = {}): BackupTestCore {
  const root = mkdtempSync(join(tmpdir(), 'levqor-backup-wiring-'));
  const folder = join(root, 'documents');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'contract.txt'), 'signed');
  const password = `repo-${randomBytes(6).toString('hex')}`;
  const clock = options.manual ? new ManualClock(Date.UTC(2026, 0, 5, 8, 0, 0)) : undefined;
  const timer = clock ? new ManualTimer(clock) : undefined;
  const env = { PATH: process.env.PATH, HOME: root, LEVQOR_SECRET_KEY: 'e'.repeat(64), LEVQOR_PRODUCTS_DIR: join(root, 'products'), LEVQOR_LAUNCH_STAGE: options.stage ?? 'pre-launch' };
  const open = () => {
    const made = createCore({ dataDir: join(root, 'data'), env, logToFile: false, random: () => 0.5, ...(clock && timer ? { clock, timer } : {}), ...options.config });
    made.settings.set('logLevel', 'error');
    return made;
  };
  const t: BackupTestCore = {
    core: open(),
    root,
    folder,
    password,
    clock,
    timer,
    plan: (name, extra = {}) => ({ name, repo: join(root, `repo-${name}`), password, sources: [{ kind: 'folder', path: folder }], ...extra }),
    restart: () => {
      t.core.close();
      t.core = open();
      return t.core;
    },
    cleanup: () => {
      t.core.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
  return t;
}
