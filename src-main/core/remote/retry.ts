/** Exponential backoff with jitter for transient failures. */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  baseMs: number;
  maxMs: number;
}

export interface RetryOptions {
  isTransient(err: unknown): boolean;
  onRetry?(err: unknown, attempt: number, delayMs: number): void;
  signal?: AbortSignal;
  /** Injectable for tests; real timers by default. */
  sleep?(ms: number, signal?: AbortSignal): Promise<void>;
}

export const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** The delay before try `attempt + 1`: half fixed, half random ("equal jitter"), capped. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * `policy` may be a function: it is asked again after every failed try, so the budget follows
 * whatever changed while the try ran (a connection made meanwhile earns the longer one).
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, policy: RetryPolicy | (() => RetryPolicy), options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      const now = typeof policy === 'function' ? policy() : policy;
      if (options.signal?.aborted || attempt >= now.attempts || !options.isTransient(err)) throw err;
      const delay = backoffDelay(now, attempt);
      options.onRetry?.(err, attempt, delay);
      await sleep(delay, options.signal);
    }
  }
}
