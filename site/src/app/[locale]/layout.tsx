import '../globals.css';
import type { Metadata } from 'next';
import { hasLocale, NextIntlClientProvider } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { SiteFooter } from '../../components/SiteFooter';
import { SiteHeader } from '../../components/SiteHeader';
import { locales, textDirection } from '../../i18n/locales';
import { routing } from '../../i18n/routing';
import { brandCssVars } from '../../lib/brand-vars';
import { siteUrl } from '../../lib/site-url';

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'meta' });
  return { metadataBase: new URL(siteUrl()), title: { default: 'Levqor', template: '%s · Levqor' }, description: t('description') };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('nav');
  return (
    <html lang={locale} dir={textDirection(locale)} style={brandCssVars()}>
      <body className="min-h-screen bg-page text-ink antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:start-4 focus:top-4 focus:rounded focus:bg-surface focus:px-3 focus:py-2">
          {t('skip')}
        </a>
        {/* next-intl's links and the language switcher read the locale from this provider */}
        <NextIntlClientProvider>
          <SiteHeader />
          <main id="main" className="mx-auto max-w-6xl px-6 pb-16">
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
