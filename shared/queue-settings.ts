import { z } from 'zod';

const queueModeRule = 'must be off (runs stay on this machine) or on (saved workflows are published to the shared Postgres for levqor worker processes)';

/** Queue mode (docs/workers.md): whether this app is the control plane of workers on the shared Postgres. */
export const queueSettingDefinitions = {
  'queue.mode': {
    schema: z.enum(['off', 'on'], { error: () => queueModeRule }),
    defaultValue: 'off' as 'off' | 'on',
    label: 'Queue mode',
    description: 'on: every saved, enabled workflow is published to the shared Postgres (database.url) so that levqor worker processes can run it (levqor workers enqueue), after a preflight that its schema is migrated, and its cron schedule moves to pg-boss (this app no longer fires it). off: nothing is published and the schedules come back to this app.',
    env: 'LEVQOR_QUEUE_MODE',
  },
};
