import type { Core } from '../../core';
import type { ProceduresOf } from '../../../shared/contract';
import type { HandlerMap } from '../handler';

export const settingsHandlers = (core: Core) =>
  ({
    'settings.get': ({ key }) => ({ settings: key === undefined ? core.settings.list() : [core.settings.entry(key)] }),
    'settings.set': async ({ key, value }, ctx) => {
      // the stage goes through the preflight, whichever way it is written
      if (key === 'stage') await core.governance.setStageSetting(value);
      return core.settings.set(key, value, ctx.transport === 'cli' ? 'cli' : 'page');
    },
  }) satisfies HandlerMap<ProceduresOf<'settings'>>;
