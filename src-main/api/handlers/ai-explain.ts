import type { Core } from '../../core';
import type { HandlerMap } from '../handler';

export const aiExplainHandlers = (core: Core) =>
  ({
    'ai.explain': ({ runId }) => core.explainAssistant.explain(runId),
    'ai.explainApply': ({ runId, fix }) => core.explainAssistant.applyFix(runId, fix),
  }) satisfies HandlerMap<'ai.explain' | 'ai.explainApply'>;
