import type { Core } from '../../core';
import type { ProceduresOf } from '../../../shared/contract';
import type { HandlerMap } from '../handler';

export const chatHandlers = (core: Core) =>
  ({
    'chat.send': (input) => core.chat.start(input),
    'chat.cancel': ({ turnId }) => core.chat.cancel(turnId),
  }) satisfies HandlerMap<ProceduresOf<'chat'>>;
