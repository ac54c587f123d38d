import type { Core } from '../../core';
import type { ProceduresOf } from '../../../shared/contract';
import type { HandlerMap } from '../handler';

export const appHandlers = (core: Core) =>
  ({
    'app.info': () => core.info(),
    'app.updateStatus': () => core.updates.status(),
    'app.installUpdate': () => core.updates.requestInstall(),
  }) satisfies HandlerMap<ProceduresOf<'app'>>;
