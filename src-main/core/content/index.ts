export { ContentService, type ContentDeps } from './content-service';
export type { ContentSources } from './sources';
export type { ContentBrief, ContentEngine, ContentProduct } from './content-engine';
export { contentKindList } from './kinds';
export { templateAssets } from './template-engine';
export { contentPort } from './content-port';
export { contentSources, type ProductsReader } from './product-sources';
