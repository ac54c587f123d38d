import type { Core } from '../../core';
import type { ProceduresOf } from '../../../shared/contract';
import type { HandlerMap } from '../handler';

export const stageHandlers = (core: Core) =>
  ({
    'stage.get': () => core.stage.state(),
    'stage.preview': ({ stage }) => core.stage.preview(stage),
    'stage.set': ({ stage }) => core.governance.setStage(stage),
  }) satisfies HandlerMap<ProceduresOf<'stage'>>;
