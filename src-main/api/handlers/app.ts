import type { Core } from '../../core';
import type { HandlerMap } from '../handler';

export const appHandlers = (core: Core) =>
  ({
    'app.info': () => core.info(),
    'app.updateStatus': () => core.updates.status(),
    'app.installUpdate': () => core.updates.requestInstall(),
  }) satisfies HandlerMap<'app.info' | 'app.updateStatus' | 'app.installUpdate'>;
