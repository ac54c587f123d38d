import type { Core } from '../../core';
import type { ProceduresOf } from '../../../shared/contract';
import type { HandlerMap } from '../handler';

const decision = (reason: string | undefined, by: string | undefined) => ({ ...(reason !== undefined ? { reason } : {}), ...(by !== undefined ? { by } : {}) });

export const approvalsHandlers = (core: Core) =>
  ({
    'approvals.list': (filter) => ({ approvals: core.approvals.list(filter) }),
    'approvals.approve': ({ id, reason, by }) => core.approvals.approve(id, decision(reason, by)),
    'approvals.reject': ({ id, reason, by }) => core.approvals.reject(id, decision(reason, by)),
  }) satisfies HandlerMap<ProceduresOf<'approvals'>>;
