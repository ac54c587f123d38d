import type { Core } from '../../core';
import { sharedRunHistory, workerRegistry } from '../../core/workers';
import type { ProceduresOf } from '../../../shared/contract';
import type { HandlerMap } from '../handler';

export const workersHandlers = (core: Core) =>
  ({
    'workers.list': async () => ({ workers: await core.remote.run('list the workers', (pool) => workerRegistry.list(pool)) }),
    'workers.runs': async ({ limit }) => ({ runs: await core.remote.run('list the shared runs', (pool) => sharedRunHistory.recent(pool, limit ?? 50)) }),
    'workers.preflight': () => core.queue.preflight(),
    'workers.enqueue': ({ workflowId, input }) => core.queue.enqueue(workflowId, input ?? {}),
  }) satisfies HandlerMap<ProceduresOf<'workers'>>;
