import type { ProductSpec } from '../../../shared/product';
import type { ContentSources } from './sources';

/** The part of Launches (ProductsService) the content engine reads, so content imports nothing of products. */
export interface ProductsReader {
  list(): { products: { slug: string; valid: boolean }[] };
  get(slug: string): { spec: ProductSpec; contentDir: string };
}

/** ContentSources over Launches: a valid product's spec and content folder, and the site's address. */
export function contentSources(products: ProductsReader, siteUrl: () => string): ContentSources {
  return {
    product: (slug) => {
      if (!products.list().products.some((p) => p.slug === slug && p.valid)) return undefined;
      const { spec } = products.get(slug);
      return { slug: spec.slug, name: spec.name, price: spec.price, currency: spec.currency ?? 'USD', description: spec.description, tags: spec.tags, ...(spec.gumroad ? { gumroadUrl: spec.gumroad.url } : {}) };
    },
    contentDir: (slug) => products.get(slug).contentDir,
    siteUrl,
  };
}
