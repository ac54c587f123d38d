import type { Core } from '../../core';
import type { HandlerMap } from '../handler';

export const revenueMetricsHandlers = (core: Core) =>
  ({
    'revenue.metrics': (input) => core.revenue.reports.metrics(input),
    'revenue.movements': (input) => core.revenue.reports.movements(input),
    'revenue.customers': (input) => core.revenue.reports.customers(input),
  }) satisfies HandlerMap<'revenue.metrics' | 'revenue.movements' | 'revenue.customers'>;
