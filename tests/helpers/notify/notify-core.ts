import { tempDir } from '../temp-dir';
import { createCore, ManualClock, ManualTimer, type Core } from '../../../src-main/core';
import type { Notice } from '../../../shared/contract/notify';
import type { NotifyTuning, OsNotifier } from '../../../src-main/core/notify';

/** An OS notifier port that records what it was asked to show; `fail` makes an attempt throw. */
export class RecordingNotifier implements OsNotifier {
  readonly shown: Notice[] = [];
  fail: ((notice: Notice) => string | undefined) | undefined;
  show(notice: Notice): void {
    const error = this.fail?.(notice);
    if (error) throw new Error(error);
    this.shown.push(notice);
  }
}

export interface NotifyTestCore {
  core: Core;
  clock: ManualClock;
  timer: ManualTimer;
  dataDir: string;
  close(): void;
}

/**
 * A real core on a (temporary or given) data dir, time that moves only when told, and the os
 * port given (none: levqor serve). The daily briefing is off unless `dailyBriefing` is set: a
 * test that moves time across a day would otherwise also see the 08:00 briefing's notice.
 */
export function notifyCore(options: { os?: OsNotifier; dataDir?: string; start?: number; stage?: 'pre-launch' | 'post-launch'; briefingChannels?: readonly string[]; dailyBriefing?: boolean; logToFile?: boolean; random?: () => number; tuning?: NotifyTuning } = {}): NotifyTestCore {
  const clock = new ManualClock(options.start ?? Date.UTC(2026, 5, 1, 12));
  const timer = new ManualTimer(clock);
  const dataDir = options.dataDir ?? tempDir();
  const core = createCore({
    dataDir,
    env: { LEVQOR_SECRET_KEY: 'd'.repeat(64), LEVQOR_LAUNCH_STAGE: options.stage ?? 'pre-launch' },
    clock,
    timer,
    logToFile: options.logToFile ?? false,
    // the backoff's jitter at its top, so a test knows when the next attempt falls due
    random: options.random ?? (() => 1),
    ...(options.tuning ? { notifyTuning: options.tuning } : {}),
    ...(options.os ? { osNotifier: options.os } : {}),
    ...(options.briefingChannels ? { briefingChannels: options.briefingChannels } : {}),
  });
  if (!options.dailyBriefing) core.settings.set('notify.briefing.channels', []);
  let closed = false;
  return {
    core,
    clock,
    timer,
    dataDir,
    close: () => {
      if (closed) return;
      closed = true;
      core.close();
    },
  };
}

/**
 * Moves the manual clock by ms, firing each wake-up on the way and, after each, waiting for the
 * channels' passes to finish (a provider answering over real HTTP takes real time).
 */
export async function runFor(t: NotifyTestCore, ms: number): Promise<void> {
  const end = t.clock.now() + ms;
  await t.core.notify.settled();
  for (;;) {
    const next = t.timer.nextAt();
    if (next === undefined || next > end) break;
    await t.timer.advance(Math.max(0, next - t.clock.now()));
    await t.core.notify.settled();
  }
  await t.timer.advance(end - t.clock.now());
  await t.core.notify.settled();
}
