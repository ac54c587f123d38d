import type { Core } from '../../core';
import type { ProceduresOf } from '../../../shared/contract';
import type { HandlerMap } from '../handler';

export const settingsHandlers = (core: Core) =>
  ({
    'settings.get': ({ key }) => ({ settings: key === undefined ? core.settings.list() : [core.settings.entry(key)] }),
    'settings.set': ({ key, value }, ctx) => core.settings.set(key, value, ctx.transport === 'cli' ? 'cli' : 'page'),
  }) satisfies HandlerMap<ProceduresOf<'settings'>>;
