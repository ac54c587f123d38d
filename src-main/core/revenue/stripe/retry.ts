import { backoffDelay, sleep, type RetryPolicy } from '../../retry';
import type { Timer } from '../../timer';
import { isTransientStripeError, retryAfterMs } from './failure';

export const stripeRetryPolicy: RetryPolicy = { maxAttempts: 6, backoff: 'exponential', initialMs: 500, maxMs: 30_000, jitter: true };

const maxAskedWaitMs = 5 * 60_000;

export interface StripeRetryOptions {
  policy?: RetryPolicy;
  timer?: Timer;
  signal?: AbortSignal;
  random?: () => number;
  onRetry?(err: unknown, attempt: number, delayMs: number): void;
}

/**
 * One Stripe call, tried again on 429, 409, 5xx and lost connections with exponential backoff;
 * when Stripe says Retry-After, that wait is used instead (never less than it asked).
 */
export async function withStripeRetry<T>(fn: () => Promise<T>, options: StripeRetryOptions = {}): Promise<T> {
  const policy = options.policy ?? stripeRetryPolicy;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (options.signal?.aborted || attempt >= policy.maxAttempts || !isTransientStripeError(err)) throw err;
      const asked = retryAfterMs(err);
      // a wait longer than a scheduled pass is left to the next pass
      if (asked !== undefined && asked > maxAskedWaitMs) throw err;
      const delay = asked ?? backoffDelay(policy, attempt, options.random);
      options.onRetry?.(err, attempt, delay);
      await sleep(delay, { timer: options.timer, signal: options.signal });
    }
  }
}
