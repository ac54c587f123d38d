import type { Core } from '../../core';
import type { ProceduresOf } from '../../../shared/contract';
import type { HandlerMap } from '../handler';

export const complianceHandlers = (core: Core) =>
  ({
    'compliance.dataMap': async () => ({ tables: core.compliance.dataMap(), coverage: await core.compliance.coverage() }),
    'compliance.requests': ({ status, limit }) => ({ requests: core.compliance.list(status, limit) }),
    'compliance.file': (input) => core.compliance.file(input),
    'compliance.answerExport': ({ id }) => core.compliance.answerExport(id),
    'compliance.export': ({ email, out, law }) => core.compliance.exportTo(email, out, law),
    'compliance.pull': async () => ({ filed: await core.compliance.pull() }),
    'compliance.retention': () => core.compliance.retention(),
  }) satisfies HandlerMap<ProceduresOf<'compliance'>>;
