import type { Core } from '../../core';
import type { ProceduresOf } from '../../../shared/contract';
import type { HandlerMap } from '../handler';

export const templatesHandlers = (core: Core) =>
  ({
    'templates.list': () => ({ templates: core.templates.list() }),
    'templates.use': ({ id, inputs }) => core.templates.use(id, inputs),
  }) satisfies HandlerMap<ProceduresOf<'templates'>>;
