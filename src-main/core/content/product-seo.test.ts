import { describe, expect, it } from 'vitest';
import { aiCorePerTest } from '../../../tests/helpers/ai/ai-core-per-test';
import { createPack, siteUrl } from '../../../tests/helpers/content';
import { productSeo } from '../../../shared/product-seo';
import { productSpecSchema } from '../../../shared/product';

const t = aiCorePerTest({ env: { LEVQOR_CONTENT_SITE_URL: siteUrl } });
const spec = (extra: Record<string, unknown>) => productSpecSchema.parse({ slug: 'pack', name: 'Pack', price: 9, description: 'Word '.repeat(50).trim(), tags: ['automation', 'templates'], ...extra });

describe('content.seo: a product’s SEO and what is missing or too long', () => {
  it('takes the spec’s seo block, keywords from seo.keywords then tags, Open Graph with the page and cover image', () => {
    createPack(t.core);
    t.core.products.update({ ...t.core.products.get('automation-accelerator-pack').spec, seo: { title: 'Automation Accelerator Pack for solo founders', description: 'Three tested workflows.', keywords: ['automation', 'no-code'] } });
    expect(t.core.content.seo('automation-accelerator-pack')).toEqual({
      slug: 'automation-accelerator-pack',
      title: 'Automation Accelerator Pack for solo founders',
      metaDescription: 'Three tested workflows.',
      keywords: ['automation', 'no-code', 'workflows', 'solo founder'],
      openGraph: {
        'og:title': 'Automation Accelerator Pack for solo founders',
        'og:description': 'Three tested workflows.',
        'og:type': 'product',
        'og:url': `${siteUrl}/products/automation-accelerator-pack`,
        'og:image': `${siteUrl}/assets/Levqor-Omega-Empire-Pack/products/automation-accelerator-pack/Product-Cover/cover-01.png`,
      },
      problems: [],
    });
  });

  it('reports a missing seo block (the name and the description cut to 160 stand in), a title past 60, no page and no site address', () => {
    const missing = productSeo(spec({}), null, '');
    expect(missing.metaDescription.length).toBeLessThanOrEqual(160);
    expect(missing.problems).toEqual([
      { field: 'seo.title', message: 'is missing: the name is used (4 characters)' },
      { field: 'seo.description', message: "is missing: the description is used, cut from the description's 249 characters (at most 160)" },
      { field: 'og:url', message: 'is missing: set the setting content.siteUrl or the product’s gumroad.url' },
      { field: 'og:image', message: 'is not a full address: set the setting content.siteUrl' },
    ]);
    const at60 = productSeo(spec({ seo: { title: 'x'.repeat(60), description: 'd' } }), 'https://s.example/products/pack', 'https://s.example');
    expect(at60.problems).toEqual([]);
    const past = productSeo(spec({ seo: { title: 'x'.repeat(61), description: 'd' } }), 'https://s.example/products/pack', 'https://s.example');
    expect(past.problems).toEqual([{ field: 'seo.title', message: 'is too long: 61 characters, search results show about 60' }]);
  });

  it('refuses a site address that is not https, keeping the old one', () => {
    expect(() => t.core.settings.set('content.siteUrl', 'http://levqor.example')).toThrow(/must be your site’s https:\/\/ address/);
    expect(t.core.settings.get('content.siteUrl')).toBe(siteUrl);
  });

  it('refuses an unknown product naming slug', () => {
    expect(() => t.core.content.seo('no-such-pack')).toThrow('slug: no valid product has slug "no-such-pack" (levqor product list)');
  });
});
