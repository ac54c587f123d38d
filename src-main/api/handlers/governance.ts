import type { Core } from '../../core';
import type { ProceduresOf } from '../../../shared/contract';
import type { HandlerMap } from '../handler';

export const governanceHandlers = (core: Core) =>
  ({
    'governance.preflight': () => core.governance.preflight(),
    'governance.hardening': () => core.governance.hardening(),
    'governance.requestOverride': ({ reason }) => core.governance.requestOverride(reason),
  }) satisfies HandlerMap<ProceduresOf<'governance'>>;
