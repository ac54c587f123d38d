import type { Core } from '../../core';
import type { HandlerMap } from '../handler';

export const insightsHandlers = (core: Core) =>
  ({
    'insights.list': () => core.insights.list(),
    'insights.act': (input) => core.insights.act(input.id),
    'insights.brief': () => core.insights.brief(),
    'insights.dismiss': (input) => core.insights.dismiss(input.id),
    'insights.history': ({ limit, ...filter }) => core.insights.pastInsights(limit, filter),
  }) satisfies HandlerMap<'insights.list' | 'insights.act' | 'insights.brief' | 'insights.dismiss' | 'insights.history'>;
