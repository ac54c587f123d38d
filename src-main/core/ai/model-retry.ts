import { backoffDelay, sleep, type RetryPolicy } from '../retry';
import { retryAfterMs } from '../retry-after';
import type { Timer } from '../timer';
import { isTransientModelError, retryAfterHeader } from './model-errors';

export interface ModelRetryOptions {
  policy: RetryPolicy;
  signal: AbortSignal;
  timer: Timer;
  now: () => number;
  random?: () => number;
}

/**
 * Runs one model request until it succeeds, fails for good or the signal fires: a 429 or 5xx
 * waits what its Retry-After asks (capped at the policy's maxMs) or the policy's backoff, so
 * the openai client's own retries stay off and every wait is ours to cancel.
 */
export async function retryModelCall<T>(fn: () => Promise<T>, options: ModelRetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (options.signal.aborted || attempt >= options.policy.maxAttempts || !isTransientModelError(err)) throw err;
      const asked = retryAfterMs(retryAfterHeader(err), options.now());
      const delay = asked === undefined ? backoffDelay(options.policy, attempt, options.random) : Math.min(asked, options.policy.maxMs);
      await sleep(delay, { timer: options.timer, signal: options.signal });
    }
  }
}
