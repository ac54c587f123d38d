import type { RetryPolicy } from '../../../../shared/workflow';

export const defaultRetry: RetryPolicy = { maxAttempts: 1, backoff: 'exponential', initialMs: 500, maxMs: 60_000, jitter: true };

/**
 * Wait before attempt `failedAttempts + 1`: initialMs, doubling per failure (exponential) or
 * flat (fixed), capped at maxMs. With jitter the wait is drawn from [half, full] of that
 * ("equal jitter"), so many runs failing together do not retry in lockstep.
 */
export function backoffMs(policy: RetryPolicy, failedAttempts: number, random: () => number = Math.random): number {
  const n = Math.max(1, failedAttempts);
  const raw = policy.backoff === 'fixed' ? policy.initialMs : policy.initialMs * 2 ** Math.min(n - 1, 40);
  const capped = Math.min(policy.maxMs, raw);
  if (!policy.jitter) return Math.round(capped);
  return Math.round(capped / 2 + random() * (capped / 2));
}
