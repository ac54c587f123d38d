import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../src-main/core';
import { ManualClock } from '../../../src-main/core/clock';
import { ManualTimer } from '../../../src-main/core/timer';
import type { LaunchStage } from '../../../shared/stage';

export interface TestCore {
  core: Core;
  clock: ManualClock;
  timer: ManualTimer;
  dir: string;
  /** Another core on the same data dir (a second process, as far as the engine can tell). */
  reopen(): Core;
  cleanup(): void;
}

/** A real core on a temporary data dir, with time that only moves when the test says so. */
/** stage null: no environment override, so the test may switch it with core.stage.set. */
export function testCore(options: { stage?: LaunchStage | null; start?: number; dir?: string; random?: () => number } = {}): TestCore {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'levqor-wf-'));
  const clock = new ManualClock(options.start ?? Date.UTC(2026, 0, 5, 8, 0, 0));
  const timer = new ManualTimer(clock);
  const env: NodeJS.ProcessEnv = { LEVQOR_SECRET_KEY: 'a'.repeat(64) };
  if (options.stage !== null) env.LEVQOR_LAUNCH_STAGE = options.stage ?? 'post-launch';
  const make = () => createCore({ dataDir: dir, env, clock, timer, logToFile: false, random: options.random ?? (() => 0.5) });
  const core = make();
  const extra: Core[] = [];
  return {
    core,
    clock,
    timer,
    dir,
    reopen: () => {
      const c = make();
      extra.push(c);
      return c;
    },
    cleanup: () => {
      for (const c of [core, ...extra]) {
        try {
          c.close();
        } catch {
          // already closed
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Lets the runner's async work settle while time stands still (or moves, with ms). */
export async function flush(t: TestCore, ms = 0): Promise<void> {
  await t.timer.advance(ms);
}
