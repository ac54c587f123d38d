import type { Core } from '../../core';
import type { ProceduresOf } from '../../../shared/contract';
import type { HandlerMap } from '../handler';
import { aiExplainHandlers } from './ai-explain';

export const aiHandlers = (core: Core) =>
  ({
    'ai.status': () => core.ai.status(),
    'ai.usage': ({ limit }) => ({ calls: core.ai.usage(limit) }),
    ...aiExplainHandlers(core),
    'ai.workflow': (input) => core.workflowAssistant.propose(input),
  }) satisfies HandlerMap<ProceduresOf<'ai'>>;
