import type { RetryPolicy } from '../../shared/workflow';
import { realTimer, type Timer } from './timer';

/**
 * Retrying with backoff, for every caller in core: the workflow runner (a node's `retry`),
 * the remote Postgres (transient failures), the Drive uploads (the resumable session and the
 * upload queue). The policy is the one a workflow file writes (shared/workflow.ts), so a
 * node's `retry` and the code's own policies read alike.
 */
export type { RetryPolicy };

/**
 * The wait before try `failedAttempts + 1`: initialMs, doubling per failure (exponential) or
 * flat (fixed), capped at maxMs. With jitter the wait is drawn from [half, full] of that
 * ("equal jitter"), so many callers failing together do not retry in lockstep.
 */
export function backoffDelay(policy: RetryPolicy, failedAttempts: number, random: () => number = Math.random): number {
  const n = Math.max(1, failedAttempts);
  const raw = policy.backoff === 'fixed' ? policy.initialMs : policy.initialMs * 2 ** Math.min(n - 1, 40);
  const capped = Math.min(policy.maxMs, raw);
  if (!policy.jitter) return Math.round(capped);
  return Math.round(capped / 2 + random() * (capped / 2));
}

/** Resolves after ms on `timer` (real timers by default); rejects with the signal's reason once it aborts. */
export function sleep(ms: number, options: { timer?: Timer | undefined; signal?: AbortSignal | undefined } = {}): Promise<void> {
  const { timer = realTimer, signal } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      handle.cancel();
      reject(signal?.reason);
    };
    const handle = timer.after(ms, () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface RetryOptions {
  isTransient(err: unknown): boolean;
  onRetry?(err: unknown, attempt: number, delayMs: number): void;
  signal?: AbortSignal | undefined;
  /** Where the waits between tries are armed; real timers by default. */
  timer?: Timer;
  /** Jitter's randomness; tests may fix it. */
  random?: () => number;
}

/**
 * Runs `fn` until it succeeds, fails for good (not transient), the signal aborts, or the
 * policy's maxAttempts tries are used. `policy` may be a function: it is asked again after
 * every failed try, so the budget follows whatever changed while the try ran (a connection
 * made meanwhile earns the longer one).
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, policy: RetryPolicy | (() => RetryPolicy), options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      const now = typeof policy === 'function' ? policy() : policy;
      if (options.signal?.aborted || attempt >= now.maxAttempts || !options.isTransient(err)) throw err;
      const delay = backoffDelay(now, attempt, options.random);
      options.onRetry?.(err, attempt, delay);
      await sleep(delay, { timer: options.timer, signal: options.signal });
    }
  }
}
