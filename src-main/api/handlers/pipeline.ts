import type { Core } from '../../core';
import type { AnyItem, ListFilter } from '../../core/revenue/pipeline';
import type { DfyRequest, Lead } from '../../../shared/contract/pipeline';
import type { ProceduresOf } from '../../../shared/contract';
import type { HandlerMap } from '../handler';

type PipelineProcedures = Extract<ProceduresOf<'revenue'>, 'revenue.leads' | 'revenue.lead' | 'revenue.moveLead' | 'revenue.updateLead' | 'revenue.dfyRequests' | 'revenue.dfyRequest' | 'revenue.moveDfy' | 'revenue.updateDfy' | 'revenue.pipelineStats' | 'revenue.pipelineSync' | 'revenue.pipelineStatus'>;

// the service returns either kind; each procedure asks for one, so its rows are that kind
const asLead = <T>(item: T) => item as T & Lead;
const asDfy = <T>(item: T) => item as T & DfyRequest;

/** One page of a kind, under the list's own name, with nextCursor only when there is more. */
function page<K extends string, T>(core: Core, kind: 'lead' | 'dfy', key: K, as: (item: AnyItem) => T, filter: ListFilter) {
  const { items, nextCursor } = core.revenue.pipeline.list(kind, filter);
  return { [key]: items.map(as), ...(nextCursor ? { nextCursor } : {}) } as Record<K, T[]> & { nextCursor?: string };
}

export const pipelineHandlers = (core: Core) =>
  ({
    'revenue.leads': (filter) => page(core, 'lead', 'leads', asLead, filter),
    'revenue.lead': ({ id }) => asLead(core.revenue.pipeline.get('lead', id)),
    'revenue.moveLead': ({ id, stage, note }) => asLead(core.revenue.pipeline.move('lead', id, stage, note)),
    'revenue.updateLead': ({ id, ...edit }) => asLead(core.revenue.pipeline.edit('lead', id, edit)),
    'revenue.dfyRequests': (filter) => page(core, 'dfy', 'requests', asDfy, filter),
    'revenue.dfyRequest': ({ id }) => asDfy(core.revenue.pipeline.get('dfy', id)),
    'revenue.moveDfy': ({ id, stage, note }) => asDfy(core.revenue.pipeline.move('dfy', id, stage, note)),
    'revenue.updateDfy': ({ id, ...edit }) => asDfy(core.revenue.pipeline.edit('dfy', id, edit)),
    'revenue.pipelineStats': () => core.revenue.pipeline.stats(),
    'revenue.pipelineSync': () => core.revenue.pipeline.sync(),
    'revenue.pipelineStatus': () => ({ configured: core.remote.configured, ...core.revenue.pipeline.syncState() }),
  }) satisfies HandlerMap<PipelineProcedures>;
