import type { Core } from '../../core';
import type { HandlerMap } from '../handler';

export const secretsHandlers = (core: Core) =>
  ({
    'secrets.status': () => ({ secrets: core.secrets.status() }),
    'secrets.set': ({ name, value }) => core.secrets.set(name, value),
    'secrets.clear': ({ name }) => core.secrets.clear(name),
  }) satisfies HandlerMap<'secrets.status' | 'secrets.set' | 'secrets.clear'>;
