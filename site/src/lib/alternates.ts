import { locales } from '../i18n/locales';
import { absoluteUrl } from './site-url';

/** `path` (after the locale, '' for home) in every language, plus x-default: what hreflang needs. */
export function languageAlternates(path: string): Record<string, string> {
  const entries = locales.map((l) => [l, absoluteUrl(`/${l}${path}`)]);
  return { ...Object.fromEntries(entries), 'x-default': absoluteUrl(`/en${path}`) };
}
