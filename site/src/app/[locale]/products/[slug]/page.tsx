import { LeadForm } from '../../../../components/forms/LeadForm';
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { productSeo } from '../../../../../../shared/product-seo';
import { OmegaImage } from '../../../../components/OmegaImage';
import { Link } from '../../../../i18n/navigation';
import { languageAlternates } from '../../../../lib/alternates';
import { existingImage } from '../../../../lib/omega-images';
import { formatPrice } from '../../../../lib/price';
import { findProduct, readProducts } from '../../../../lib/products';
import { absoluteUrl, siteUrl } from '../../../../lib/site-url';

type Params = Promise<{ locale: string; slug: string }>;

export function generateStaticParams() {
  return readProducts().map((p) => ({ slug: p.slug }));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, slug } = await params;
  const product = findProduct(slug);
  if (!product) return {};
  const path = `/products/${slug}`;
  // the same SEO the app's content engine shows the founder (levqor content seo)
  const seo = productSeo(product, absoluteUrl(`/${locale}${path}`), siteUrl());
  return {
    title: seo.title,
    description: seo.metaDescription,
    keywords: seo.keywords,
    alternates: { canonical: `/${locale}${path}`, languages: languageAlternates(path) },
    openGraph: { title: seo.openGraph['og:title'], description: seo.openGraph['og:description'], url: seo.openGraph['og:url'] ?? undefined, type: 'website', locale },
  };
}

export default async function ProductPage({ params }: { params: Params }) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const product = findProduct(slug);
  if (!product) notFound();
  const t = await getTranslations('product');
  return (
    <article className="pt-10">
      <Link href="/" className="text-sm text-flux underline">{t('back')}</Link>
      <div className="mt-6 overflow-hidden rounded-lg border border-line" data-testid="product-hero">
        <OmegaImage candidates={[existingImage(product.heroImage), existingImage(product.coverImage)]} alt={product.name} fallbackLabel={t('noImage')} width={1920} height={1080} priority />
      </div>
      <div className="mt-8 grid gap-8 md:grid-cols-[2fr_1fr]">
        <div>
          <h1 className="text-3xl font-bold md:text-4xl">{product.name}</h1>
          <p className="mt-6 whitespace-pre-line text-muted">{product.description}</p>
          <h2 className="mt-8 text-sm font-semibold uppercase tracking-wide text-muted">{t('tags')}</h2>
          <ul className="mt-3 flex flex-wrap gap-2">
            {product.tags.map((tag) => (
              <li key={tag} className="rounded-full border border-line px-3 py-1 text-sm">{tag}</li>
            ))}
          </ul>
        </div>
        <aside className="h-fit rounded-lg border border-line bg-surface p-6">
          <p className="text-3xl font-semibold text-aurora" data-testid="price">{formatPrice(product.price, product.currency, locale)}</p>
          {product.gumroad ? (
            <a href={product.gumroad.url} className="mt-5 block rounded bg-flux px-5 py-3 text-center font-medium text-void hover:bg-aurora">{t('buy')}</a>
          ) : (
            <p className="mt-5 text-muted" data-testid="not-on-sale">{t('notOnSale')}</p>
          )}
        </aside>
      </div>
      <LeadForm product={product.slug} />
    </article>
  );
}
