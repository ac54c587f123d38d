import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { languageAlternates } from './alternates';

/** The metadata of a text page (privacy, terms): its title in the visitor's language and its hreflang alternates. */
export async function textPageMetadata(params: Promise<{ locale: string }>, namespace: 'privacy' | 'terms'): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace });
  return { title: t('title'), alternates: { canonical: `/${locale}/${namespace}`, languages: languageAlternates(`/${namespace}`) } };
}
