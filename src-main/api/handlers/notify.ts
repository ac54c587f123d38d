import type { Core } from '../../core';
import type { HandlerMap } from '../handler';

export const notifyHandlers = (core: Core) =>
  ({
    'notify.outbox': ({ state, limit }) => ({ rows: core.notify.outbox({ state, limit }) }),
    'notify.retry': ({ id }) => core.notify.retry(id),
    'notify.briefing': ({ send }) => core.briefing.run(send),
  }) satisfies HandlerMap<'notify.outbox' | 'notify.retry' | 'notify.briefing'>;
