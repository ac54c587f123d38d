import type { Core } from '../../core';
import type { HandlerMap } from '../handler';

export const contentHandlers = (core: Core) =>
  ({
    'content.generate': ({ engine, ...seed }) => core.content.generate(seed, engine),
    'content.list': ({ product, limit }) => ({ sets: core.content.list(product, limit) }),
    'content.export': ({ product, id }) => core.content.export(product, id),
    'content.seo': ({ slug }) => core.content.seo(slug),
    'content.engines': () => ({ engines: core.content.engineStatus() }),
    'content.saveAsset': ({ setId, kind, asset }) => core.content.saveAsset(setId, kind, asset),
    'content.exportSet': ({ setId }) => {
      const set = core.content.get(setId);
      return { setId, product: set.seed.product, ...core.content.writeFiles(set) };
    },
  }) satisfies HandlerMap<'content.generate' | 'content.list' | 'content.export' | 'content.seo' | 'content.engines' | 'content.saveAsset' | 'content.exportSet'>;
