import { useLocale, useTranslations } from 'next-intl';
import type { SiteProduct } from '../../../shared/site-product';
import { Link } from '../i18n/navigation';
import { existingImage } from '../lib/omega-images';
import { formatPrice } from '../lib/price';
import { OmegaImage } from './OmegaImage';

/** A product on the home page: its thumbnail (else its cover), name, price and a link to its page. */
export function ProductCard({ product }: { product: SiteProduct }) {
  const t = useTranslations('product');
  const home = useTranslations('home');
  const locale = useLocale();
  return (
    <article className="overflow-hidden rounded-lg border border-line bg-surface">
      <OmegaImage candidates={[existingImage(product.thumbnailImage), existingImage(product.coverImage)]} alt={product.name} fallbackLabel={t('noImage')} width={600} height={600} />
      <div className="p-5">
        <h3 className="text-lg font-semibold">{product.name}</h3>
        <p className="mt-1 text-aurora">{formatPrice(product.price, product.currency, locale)}</p>
        <Link href={`/products/${product.slug}`} className="mt-4 inline-block rounded bg-flux px-4 py-2 text-sm font-medium text-void hover:bg-aurora">
          {home('view', { name: product.name })}
        </Link>
      </div>
    </article>
  );
}
