import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Metadata } from 'next';
import { DfyTiers } from '../../components/DfyTiers';
import { LeadForm } from '../../components/forms/LeadForm';
import { LivingCanvas } from '../../components/LivingCanvas';
import { ProductCard } from '../../components/ProductCard';
import { Link } from '../../i18n/navigation';
import { languageAlternates } from '../../lib/alternates';
import { readProducts } from '../../lib/products';

// the DFY tiers come from the shared Postgres: look again every five minutes
export const revalidate = 300;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'home' });
  return { title: t('title'), alternates: { canonical: `/${locale}`, languages: languageAlternates('') } };
}

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('home');
  const tf = await getTranslations('forms');
  const products = readProducts();
  return (
    <>
      <section className="relative -mx-6 overflow-hidden px-6 py-24">
        <LivingCanvas />
        <div className="relative max-w-2xl">
          <h1 className="text-4xl font-bold leading-tight md:text-5xl">{t('title')}</h1>
          <p className="mt-5 text-lg text-muted">{t('lead')}</p>
        </div>
      </section>
      <section aria-labelledby="products" className="mt-4">
        <h2 id="products" className="mb-6 text-2xl font-semibold">{t('products')}</h2>
        {products.length === 0 ? (
          <p className="rounded-lg border border-dashed border-line p-6 text-muted">{t('noProducts')}</p>
        ) : (
          <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
            {products.map((p) => <ProductCard key={p.slug} product={p} />)}
          </div>
        )}
      </section>
      <section aria-labelledby="dfy" className="mt-16">
        <h2 id="dfy" className="mb-6 text-2xl font-semibold">{t('dfy')}</h2>
        <DfyTiers />
        <Link href="/dfy" className="mt-6 inline-block text-flux underline">{tf('dfyLink')}</Link>
      </section>
      <LeadForm />
    </>
  );
}
