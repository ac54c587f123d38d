import type { Core } from '../../core';
import type { ProceduresOf } from '../../../shared/contract';
import type { HandlerMap } from '../handler';

export const scheduleHandlers = (core: Core) =>
  ({
    'schedule.preview': ({ id, workflow, count, from }) =>
      core.workflows.schedulePreview({ ...(id !== undefined ? { id } : { workflow }), count, ...(from !== undefined ? { from } : {}) }),
  }) satisfies HandlerMap<ProceduresOf<'schedule'>>;
