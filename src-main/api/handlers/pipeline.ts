import type { Core } from '../../core';
import type { DfyRequest, Lead } from '../../../shared/contract/pipeline';
import type { ProceduresOf } from '../../../shared/contract';
import type { HandlerMap } from '../handler';

type PipelineProcedures = Extract<ProceduresOf<'revenue'>, 'revenue.leads' | 'revenue.lead' | 'revenue.moveLead' | 'revenue.updateLead' | 'revenue.dfyRequests' | 'revenue.dfyRequest' | 'revenue.moveDfy' | 'revenue.updateDfy' | 'revenue.pipelineStats' | 'revenue.pipelineSync'>;

// the service returns either kind; each procedure asks for one, so its rows are that kind
const asLead = <T>(item: T) => item as T & Lead;
const asDfy = <T>(item: T) => item as T & DfyRequest;

export const pipelineHandlers = (core: Core) =>
  ({
    'revenue.leads': ({ query, stage, limit, cursor }) => {
      const { items, nextCursor } = core.pipeline.list('lead', { query, stage, limit, cursor });
      return { leads: items.map(asLead), ...(nextCursor ? { nextCursor } : {}) };
    },
    'revenue.lead': ({ id }) => asLead(core.pipeline.get('lead', id)),
    'revenue.moveLead': ({ id, stage, note }) => asLead(core.pipeline.move('lead', id, stage, note)),
    'revenue.updateLead': ({ id, ...edit }) => asLead(core.pipeline.edit('lead', id, edit)),
    'revenue.dfyRequests': ({ query, stage, limit, cursor }) => {
      const { items, nextCursor } = core.pipeline.list('dfy', { query, stage, limit, cursor });
      return { requests: items.map(asDfy), ...(nextCursor ? { nextCursor } : {}) };
    },
    'revenue.dfyRequest': ({ id }) => asDfy(core.pipeline.get('dfy', id)),
    'revenue.moveDfy': ({ id, stage, note }) => asDfy(core.pipeline.move('dfy', id, stage, note)),
    'revenue.updateDfy': ({ id, ...edit }) => asDfy(core.pipeline.edit('dfy', id, edit)),
    'revenue.pipelineStats': () => core.pipeline.stats(),
    'revenue.pipelineSync': () => core.pipeline.sync(),
  }) satisfies HandlerMap<PipelineProcedures>;
