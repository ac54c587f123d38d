import { existsSync, readFileSync } from 'node:fs';
import { cache } from 'react';
import { z } from 'zod';
import { siteProductSchema, type SiteProduct } from '../../../shared/site-product';
import { productsConfigPath } from './site-root';

/**
 * The compiled products, checked with the same schema the pipeline writes them with. No file
 * yet means nothing is published; a damaged file stops the build with the path and the field.
 */
export const readProducts = cache((): SiteProduct[] => {
  const path = productsConfigPath();
  if (!existsSync(path)) return [];
  const parsed = z.array(siteProductSchema).safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join('.') || 'the file'} ${issue?.message ?? 'is not a list of products'}; compile the products again (levqor product compile)`);
  }
  return parsed.data;
});

export function findProduct(slug: string): SiteProduct | undefined {
  return readProducts().find((p) => p.slug === slug);
}
