import type { Core } from '../../core';
import type { HandlerMap } from '../handler';

export const costsHandlers = (core: Core) =>
  ({
    'costs.report': (input) => core.costs.report(input),
    'costs.list': () => core.costs.list(),
    'costs.add': (input) => core.costs.add(input),
    'costs.update': (input) => core.costs.update(input.id, input.cost),
    'costs.remove': (input) => core.costs.remove(input.id),
    'budgets.list': () => core.costs.budgetsView(),
    'budgets.set': (input) => core.costs.setBudget(input.category, input.amountMinor),
  }) satisfies HandlerMap<'costs.report' | 'costs.list' | 'costs.add' | 'costs.update' | 'costs.remove' | 'budgets.list' | 'budgets.set'>;
