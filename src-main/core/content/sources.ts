import type { ProductSpec } from '../../../shared/product';
import type { ContentProduct } from './content-engine';

/** What the content engine reads of other capabilities, handed over by createCore (content imports no products internals). */
export interface ContentSources {
  /** A valid product's spec, or undefined when no valid product has this slug. */
  product(slug: string): (ContentProduct & { gumroadUrl?: string }) | undefined;
  /** A valid product's whole spec (for its SEO), or undefined. */
  spec(slug: string): ProductSpec | undefined;
  /** The product's content folder (products/<slug>/), where exports go. */
  contentDir(slug: string): string;
  /** The setting content.siteUrl: the companion site's address, or empty. */
  siteUrl(): string;
}
