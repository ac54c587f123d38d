import type { Core } from '../../core';
import type { HandlerMap } from '../handler';

export const revenuePackagesHandlers = (core: Core) =>
  ({
    'revenue.packages': () => ({ packages: core.revenue.packages.list() }),
    'revenue.proposePackage': (fields) => core.revenue.packages.propose(fields),
    'revenue.changePackage': ({ id, ...fields }) => core.revenue.packages.change(id, fields),
    'revenue.archivePackage': ({ id }) => core.revenue.packages.archive(id),
  }) satisfies HandlerMap<'revenue.packages' | 'revenue.proposePackage' | 'revenue.changePackage' | 'revenue.archivePackage'>;
