import { contentLimits, type ProductSeo } from './contract/content';
import { fitWords } from './fit-words';
import { omegaImageUrls } from './omega';
import type { ProductSpec } from './product';

/** Search results cut a title at about this many characters. */
export const titleShownChars = 60;

type Problem = ProductSeo['problems'][number];

function titleProblems(spec: ProductSpec): Problem[] {
  if (!spec.seo) return [{ field: 'seo.title', message: `is missing: the name is used (${spec.name.length} characters)` }];
  if (spec.seo.title.length > titleShownChars) return [{ field: 'seo.title', message: `is too long: ${spec.seo.title.length} characters, search results show about ${titleShownChars}` }];
  return [];
}

function descriptionProblems(spec: ProductSpec): Problem[] {
  if (spec.seo) return [];
  const cut = spec.description.length > contentLimits.metaDescription ? `, cut from the description's ${spec.description.length} characters` : '';
  return [{ field: 'seo.description', message: `is missing: the description is used${cut} (at most ${contentLimits.metaDescription})` }];
}

/**
 * A product's SEO from its spec: seo.title and seo.description when written (else the name and
 * the description cut to 160 at a word), keywords from seo.keywords and the tags, and the Open
 * Graph fields; `page` is null when the product has no page to link to (nor then an absolute image).
 */
export function productSeo(spec: ProductSpec, page: string | null, siteUrl: string): ProductSeo {
  const title = spec.seo?.title ?? spec.name;
  const metaDescription = spec.seo?.description ?? fitWords(spec.description, contentLimits.metaDescription);
  const keywords = [...new Set([...(spec.seo?.keywords ?? []), ...spec.tags])];
  const image = `${siteUrl.replace(/\/+$/, '')}${omegaImageUrls(spec.slug).coverImage}`;
  const problems = [
    ...titleProblems(spec),
    ...descriptionProblems(spec),
    ...(page ? [] : [{ field: 'og:url', message: 'is missing: set the setting content.siteUrl or the product’s gumroad.url' }]),
    ...(siteUrl ? [] : [{ field: 'og:image', message: 'is not a full address: set the setting content.siteUrl' }]),
  ];
  return { slug: spec.slug, title, metaDescription, keywords, openGraph: { 'og:title': title, 'og:description': metaDescription, 'og:type': 'product', 'og:url': page, 'og:image': image }, problems };
}
