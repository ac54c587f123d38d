import { z } from 'zod';
import { omegaImageUrls } from './omega';
import { productSpecSchema, type ProductSpec } from './product';

/**
 * One product as the companion site reads it from `src/config/products.json`: every spec field,
 * plus the links the launch pipeline fills in. The pipeline writes it and the site validates it
 * with this same schema.
 */
export const siteProductSchema = productSpecSchema.extend({
  currency: z.string(),
  driveDownloadUrl: z.string().nullable(),
  coverImage: z.string(),
  thumbnailImage: z.string(),
  heroImage: z.string(),
});
export type SiteProduct = z.output<typeof siteProductSchema>;

export function siteProduct(spec: ProductSpec, driveDownloadUrl: string | undefined): SiteProduct {
  return { ...spec, currency: spec.currency ?? 'USD', driveDownloadUrl: driveDownloadUrl ?? null, ...omegaImageUrls(spec.slug) };
}
