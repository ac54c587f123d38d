import type { ContentKind } from '../../../shared/contract/content';

/**
 * The product page with UTM tags that say which asset sent the visit: utm_source and utm_medium
 * from the asset's channel, utm_campaign the product's slug, utm_content the asset's kind.
 */
export function utmLink(page: string, product: string, kind: ContentKind, utm: { source: string; medium: string }): string {
  const url = new URL(page);
  url.searchParams.set('utm_source', utm.source);
  url.searchParams.set('utm_medium', utm.medium);
  url.searchParams.set('utm_campaign', product);
  url.searchParams.set('utm_content', kind);
  return url.toString();
}
