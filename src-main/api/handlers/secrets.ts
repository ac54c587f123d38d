import type { Core } from '../../core';
import type { ProceduresOf } from '../../../shared/contract';
import type { HandlerMap } from '../handler';

export const secretsHandlers = (core: Core) =>
  ({
    'secrets.status': () => ({ secrets: core.secrets.status() }),
    'secrets.set': ({ name, value }) => core.secrets.set(name, value),
    'secrets.test': ({ name }) => core.secrets.test(name),
    'secrets.clear': ({ name }) => core.secrets.clear(name),
  }) satisfies HandlerMap<ProceduresOf<'secrets'>>;
