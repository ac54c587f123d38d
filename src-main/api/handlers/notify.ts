import type { Core } from '../../core';
import type { HandlerMap } from '../handler';

export const notifyHandlers = (core: Core) =>
  ({
    'notify.outbox': ({ state, limit }) => ({ rows: core.notify.outbox({ state, limit }) }),
    'notify.retry': ({ id }) => core.notify.retry(id),
    'notify.history': ({ id }) => core.notify.history(id),
    'notify.pause': ({ minutes }) => core.notify.pause(minutes),
    'notify.resume': () => core.notify.resume(),
    'notify.status': () => core.notify.status(),
  }) satisfies HandlerMap<'notify.outbox' | 'notify.retry' | 'notify.history' | 'notify.pause' | 'notify.resume' | 'notify.status'>;
