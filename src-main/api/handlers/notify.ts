import type { Core } from '../../core';
import type { HandlerMap } from '../handler';

export const notifyHandlers = (core: Core) =>
  ({
    'notify.outbox': ({ state, limit }) => ({ rows: core.notify.outbox({ state, limit }) }),
    'notify.retry': ({ id }) => core.notify.retry(id),
    'notify.channels': () => ({ channels: core.notify.channels() }),
    'notify.test': ({ channel }) => core.notify.test(channel),
  }) satisfies HandlerMap<'notify.outbox' | 'notify.retry' | 'notify.channels' | 'notify.test'>;
