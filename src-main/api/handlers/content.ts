import type { Core } from '../../core';
import type { HandlerMap } from '../handler';

export const contentHandlers = (core: Core) =>
  ({
    'content.generate': ({ engine, ...seed }) => core.content.generate(seed, engine),
    'content.list': ({ product, limit }) => ({ sets: core.content.list(product, limit) }),
    'content.export': ({ product, id }) => core.content.export(product, id),
    'content.seo': ({ slug }) => core.content.seo(slug),
  }) satisfies HandlerMap<'content.generate' | 'content.list' | 'content.export' | 'content.seo'>;
