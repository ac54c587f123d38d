import { defaultLocale, isLocale } from '../i18n/locales';

// a first path segment shaped like a language tag (xx, xxx, xx-YY): "products" or "privacy" never match
const localeShaped = /^[a-z]{2,3}(?:-[a-z0-9]{2,4})?$/i;

/**
 * Where a path whose first segment is a language the site does not have goes: the same page in
 * the default language (`/xx/products/p` → `/en/products/p`), or null for any other path.
 */
export function unknownLocaleRedirect(pathname: string): string | null {
  const [, first = '', ...rest] = pathname.split('/');
  if (!localeShaped.test(first) || isLocale(first)) return null;
  return `/${[defaultLocale, ...rest].join('/')}`.replace(/\/$/, '') || `/${defaultLocale}`;
}
