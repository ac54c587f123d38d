import { z } from 'zod';
import { slugPattern } from '../../../../shared/product';
import { defineStep, nonRetriable, stepParams } from '../step';

const params = stepParams({
  slug: z.string({ error: () => 'is required: the product’s slug' }).regex(slugPattern, 'must be a product slug: lowercase letters and digits joined by single hyphens'),
});

/**
 * Compiles a product (its zip, Omega folder and site config) as `levqor product compile` does,
 * without the Drive upload. Class A: it writes only the product's own build files on this
 * machine; sending the archive anywhere stays the upload's own approved step.
 */
export const productCompileStep = defineStep({
  type: 'product.compile',
  title: 'Compile product',
  description: 'Compiles a product’s archive, Omega folder and site config on this machine (no Drive upload). Outputs the compile’s result (slug, zipPath, sha256, bytes, omegaDir, …).',
  class: 'A',
  classNote: 'writes the product’s own build files on this machine; nothing is uploaded or sent',
  defaultTimeoutMs: 10 * 60_000,
  ui: { slug: { label: 'Product slug', placeholder: 'ascend-launch-system' } },
  params,
  async execute(ctx) {
    const products = ctx.services.products;
    if (!products) throw nonRetriable('PRODUCTS_UNAVAILABLE', 'products are not available in this process');
    try {
      return { output: await products.compile(ctx.params.slug, ctx.signal) };
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      // an unknown product or a spec that does not compile stays so on every retry
      if (code === 'NOT_FOUND' || code === 'BAD_INPUT') throw nonRetriable(String(code), err instanceof Error ? err.message : String(err));
      throw err;
    }
  },
});
