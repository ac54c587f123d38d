import type { ContentAsset, ContentEngineName, ContentKind, ContentSeed } from '../../../shared/contract/content';

/** The product a set is about, as the engines need it. */
export interface ContentProduct {
  slug: string;
  name: string;
  price: number;
  currency: string;
  description: string;
  tags: readonly string[];
}

/** Everything an engine writes from: the seed, the product, and each asset's link (UTM tags included). */
export interface ContentBrief {
  seed: ContentSeed;
  product: ContentProduct;
  links: Record<ContentKind, string>;
}

/** One way of writing the six assets; every engine's assets pass the same validators (check-asset.ts). */
export interface ContentEngine {
  readonly name: ContentEngineName;
  /** The six assets in contentKinds order, each checked; throws (a CoreError) rather than answer a set that is not whole. */
  generate(brief: ContentBrief, signal?: AbortSignal): Promise<ContentAsset[]>;
}
