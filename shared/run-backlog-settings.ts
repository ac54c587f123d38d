import { z } from 'zod';

const inFlightRule = 'must be a whole number of runs from 1 to 1000';
const queuedRule = 'must be a whole number of runs from 1 to 1000000';

/**
 * How many runs this app executes at once, and how many accepted runs may wait for a slot
 * (docs/workflows.md, "Runs in flight and the queue"). Waiting runs are rows in the database,
 * not memory; past the queue limit a webhook answers 429 with Retry-After.
 */
export const runBacklogSettingDefinitions = {
  'workflows.maxRunsInFlight': {
    schema: z.number({ error: () => inFlightRule }).int(inFlightRule).min(1, inFlightRule).max(1000, inFlightRule),
    defaultValue: 32,
    label: 'Runs executing at once',
    description: 'At most this many workflow runs execute at once in this app; the rest wait in the database as queued runs and start as runs end (child runs are never held back).',
    env: 'LEVQOR_WORKFLOWS_MAX_RUNS_IN_FLIGHT',
  },
  'workflows.maxQueuedRuns': {
    schema: z.number({ error: () => queuedRule }).int(queuedRule).min(1, queuedRule).max(1_000_000, queuedRule),
    defaultValue: 1000,
    label: 'Queued runs before webhooks refuse',
    description: 'When this many accepted runs are waiting to start, webhooks answer 429 with Retry-After (from how fast runs are ending) and save nothing.',
    env: 'LEVQOR_WORKFLOWS_MAX_QUEUED_RUNS',
  },
};
