import type { Core } from '../../core';
import type { ProceduresOf } from '../../../shared/contract';
import type { HandlerMap } from '../handler';

export const runsHandlers = (core: Core) =>
  ({
    'runs.list': (filter) => ({ runs: core.runs.list(filter) }),
    'runs.get': ({ id }) => core.runs.get(id),
    'runs.resume': async ({ wait }) => ({ resumed: await core.runs.resume(wait) }),
    'runs.retry': ({ id, wait }) => core.runs.retry(id, wait),
    'runs.cancel': ({ id }) => core.runs.cancel(id),
  }) satisfies HandlerMap<ProceduresOf<'runs'>>;
