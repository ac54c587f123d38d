import { badInput } from '../errors';

/**
 * The page every asset links to: the product's page on the companion site (`<content.siteUrl>/products/<slug>`)
 * when the site's address is set, else its Gumroad page; a product with neither cannot be linked.
 */
export function productPage(slug: string, siteUrl: string, gumroadUrl: string | undefined): string {
  if (siteUrl) return `${siteUrl.replace(/\/+$/, '')}/products/${slug}`;
  if (gumroadUrl) return gumroadUrl;
  throw badInput('product', `"${slug}" has no page to link to: set the setting content.siteUrl (your site's address) or the product's gumroad.url`);
}
