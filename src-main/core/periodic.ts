import type { BackgroundTask } from './background';
import type { Logger } from './logger';

/**
 * A background task that runs `fn` every `intervalMs()` (re-read each time, so a changed
 * setting applies at the next tick; 0 pauses), never two runs at once. Stopping waits for
 * the run in progress.
 */
export function every(name: string, intervalMs: () => number, fn: () => unknown, log: Logger, firstDelayMs = 1_000): BackgroundTask {
  return {
    name,
    start() {
      let stopped = false;
      let timer: NodeJS.Timeout | undefined;
      let inflight: Promise<unknown> | undefined;
      const schedule = (ms: number) => {
        timer = setTimeout(tick, ms);
        timer.unref();
      };
      const tick = () => {
        if (stopped) return;
        const ms = intervalMs();
        if (ms <= 0) return schedule(60_000);
        inflight = Promise.resolve()
          .then(fn)
          .catch((err: unknown) => log.warn({ task: name, err: err instanceof Error ? err.message : String(err) }, 'background task failed'))
          .finally(() => {
            inflight = undefined;
            if (!stopped) schedule(ms);
          });
      };
      schedule(firstDelayMs);
      return async () => {
        stopped = true;
        if (timer) clearTimeout(timer);
        await inflight;
      };
    },
  };
}
