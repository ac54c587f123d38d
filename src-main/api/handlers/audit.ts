import type { Core } from '../../core';
import type { ProceduresOf } from '../../../shared/contract';
import type { HandlerMap } from '../handler';

export const auditHandlers = (core: Core) =>
  ({
    'audit.list': (filter) => core.approvals.auditEntries(filter),
    'audit.export': ({ format, ...filter }) => core.approvals.exportAudit(filter, format),
  }) satisfies HandlerMap<ProceduresOf<'audit'>>;
