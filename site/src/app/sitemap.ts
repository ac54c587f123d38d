import type { MetadataRoute } from 'next';
import { defaultLocale, locales } from '../i18n/locales';
import { languageAlternates } from '../lib/alternates';
import { readProducts } from '../lib/products';
import { absoluteUrl } from '../lib/site-url';

/** Every page in every language, each with its hreflang alternates. */
export default function sitemap(): MetadataRoute.Sitemap {
  const paths = ['', '/dfy', '/privacy', '/terms', ...readProducts().map((p) => `/products/${p.slug}`)];
  return paths.flatMap((path) =>
    locales.map((locale) => ({
      url: absoluteUrl(`/${locale}${path}`),
      changeFrequency: 'weekly' as const,
      priority: path === '' && locale === defaultLocale ? 1 : 0.7,
      alternates: { languages: languageAlternates(path) },
    })),
  );
}
