import { ogCard, ogSize } from '../../../../lib/og-card';
import { formatPrice } from '../../../../lib/price';
import { findProduct, readProducts } from '../../../../lib/products';

export const size = ogSize;
export const contentType = 'image/png';
export const alt = 'Levqor product';

export function generateStaticParams() {
  return readProducts().map((p) => ({ slug: p.slug }));
}

export default async function Image({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  const product = findProduct(slug);
  return ogCard(product?.name ?? 'Levqor', product ? formatPrice(product.price, product.currency, locale) : '');
}
