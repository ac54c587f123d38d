'use client';

import { useLocale } from 'next-intl';
import { localeNames, locales } from '../i18n/locales';
import { Link, usePathname } from '../i18n/navigation';

/**
 * Every language as a plain link to the same page in it (works without JavaScript; following one
 * also remembers the choice in the NEXT_LOCALE cookie, so "/" opens in it next time).
 */
export function LanguageSwitcher({ label }: { label: string }) {
  const locale = useLocale();
  const pathname = usePathname();
  const current = (localeNames as Record<string, string>)[locale] ?? locale;
  return (
    <details className="relative" data-testid="language-switcher">
      <summary className="cursor-pointer list-none rounded border border-line px-3 py-1 text-ink">
        {label}: {current}
      </summary>
      <ul className="absolute end-0 z-10 mt-2 grid max-h-96 w-64 grid-cols-1 overflow-y-auto rounded border border-line bg-surface p-2 shadow-lg">
        {locales.map((l) => (
          <li key={l}>
            <Link href={pathname} locale={l} hrefLang={l} lang={l} aria-current={l === locale ? 'true' : undefined} className="block rounded px-2 py-1 text-ink hover:bg-raised">
              {localeNames[l]}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
