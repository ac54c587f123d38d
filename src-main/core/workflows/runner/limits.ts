/** The runner's fixed limits; runner.ts re-exports them as part of its surface. */
export const runnerLimits = {
  leaseMs: 60_000,
  leaseRenewMs: 15_000,
  pollMs: 5_000,
  defaultStepTimeoutMs: 300_000,
  maxOutputBytes: 4 * 1024 * 1024,
  maxInterruptions: 5,
  maxChildDepth: 8,
};
