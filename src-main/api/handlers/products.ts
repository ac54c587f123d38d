import type { Core } from '../../core';
import type { ProceduresOf } from '../../../shared/contract';
import type { HandlerMap } from '../handler';

export const productsHandlers = (core: Core) =>
  ({
    'products.list': () => core.products.list(),
    'products.get': ({ slug }) => core.products.get(slug),
    'products.create': (spec) => core.products.create(spec),
    'products.update': (spec) => core.products.update(spec),
    'products.validate': (input) => core.products.validate(input),
    'products.compile': ({ slug, upload }) => core.products.compile(slug, { upload }),
    'products.cancel': ({ slug }) => ({ cancelled: core.products.cancel(slug) }),
    'products.checklist': ({ slug }) => core.products.checklist(slug),
    'products.omegaPack': () => core.products.omegaPack(),
    'products.contentFiles': ({ slug }) => core.products.files.contentFiles(slug),
    'products.putContentFile': ({ slug, name, size, offset, data }) => core.products.files.putContentFile(slug, name, { size, offset, data: Buffer.from(data, 'base64') }),
    'products.putOmegaImage': ({ slug, slot, size, offset, data }) => core.products.files.putOmegaImage(slug, slot, { size, offset, data: Buffer.from(data, 'base64') }),
    'products.omegaImage': ({ slug, slot }) => core.products.files.omegaImage(slug, slot),
    'products.uploads': ({ slug }) => ({ uploads: core.products.listUploads(slug) }),
    'products.sendUploads': () => core.products.sendUploads(),
  }) satisfies HandlerMap<ProceduresOf<'products'>>;
