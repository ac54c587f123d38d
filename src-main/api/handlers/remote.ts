import type { Core } from '../../core';
import { remoteStatus } from '../../core/telemetry';
import type { ProceduresOf } from '../../../shared/contract';
import type { HandlerMap } from '../handler';

export const remoteHandlers = (core: Core) =>
  ({
    'remote.status': () => remoteStatus(core.remote, core.telemetry),
    'remote.connect': async () => {
      await core.remote.reset();
      await core.remote.check();
      return remoteStatus(core.remote, core.telemetry);
    },
  }) satisfies HandlerMap<ProceduresOf<'remote'>>;
