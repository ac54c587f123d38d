import type { Core } from '../../core';
import type { HandlerMap } from '../handler';

export const notifyHandlers = (core: Core) =>
  ({
    'notify.outbox': ({ state, limit }) => ({ rows: core.notify.outbox({ state, limit }) }),
    'notify.retry': ({ id }) => core.notify.retry(id),
    'notify.briefing': ({ send }) => core.briefing.run(send),
    'notify.rules': () => ({ rules: core.notify.rulesList() }),
    'notify.setRule': (change) => core.notify.setRule(change),
    'notify.resetRule': ({ id }) => core.notify.resetRule(id),
    'notify.channels': () => ({ channels: core.notify.channels() }),
    'notify.test': ({ channel }) => core.notify.test(channel),
    'notify.history': ({ id }) => core.notify.history(id),
    'notify.pause': ({ minutes }) => core.notify.pause(minutes),
    'notify.resume': () => core.notify.resume(),
    'notify.status': () => core.notify.status(),
  }) satisfies HandlerMap<'notify.outbox' | 'notify.retry' | 'notify.briefing' | 'notify.rules' | 'notify.setRule' | 'notify.resetRule' | 'notify.channels' | 'notify.test' | 'notify.history' | 'notify.pause' | 'notify.resume' | 'notify.status'>;
