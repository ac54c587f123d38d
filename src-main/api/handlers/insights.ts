import type { Core } from '../../core';
import type { HandlerMap } from '../handler';

export const insightsHandlers = (core: Core) =>
  ({
    'insights.list': () => core.insights.list(),
    'insights.act': (input) => core.insights.act(input.id),
    'insights.history': (input) => core.insights.pastInsights(input.limit),
  }) satisfies HandlerMap<'insights.list' | 'insights.act' | 'insights.history'>;
