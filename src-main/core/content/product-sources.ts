import type { ProductSpec } from '../../../shared/product';
import type { ContentSources } from './sources';

/** The part of Launches (ProductsService) the content engine reads, so content imports nothing of products. */
export interface ProductsReader {
  /** Throws when there is no such product or its spec is not valid. */
  get(slug: string): { spec: ProductSpec; contentDir: string };
}

/** The product's spec, or undefined when it is missing or not valid (its own errors are Launches' to show). */
function validSpec(products: ProductsReader, slug: string): ProductSpec | undefined {
  try {
    return products.get(slug).spec;
  } catch {
    return undefined;
  }
}

/** ContentSources over Launches: a valid product's spec and content folder, and the site's address. */
export function contentSources(products: ProductsReader, siteUrl: () => string): ContentSources {
  return {
    product: (slug) => {
      const spec = validSpec(products, slug);
      if (!spec) return undefined;
      return { slug: spec.slug, name: spec.name, price: spec.price, currency: spec.currency ?? 'USD', description: spec.description, tags: spec.tags, ...(spec.gumroad ? { gumroadUrl: spec.gumroad.url } : {}) };
    },
    spec: (slug) => validSpec(products, slug),
    contentDir: (slug) => products.get(slug).contentDir,
    siteUrl,
  };
}
