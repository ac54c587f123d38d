import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './built-site';

// three languages, one of them right to left
for (const locale of ['en', 'de', 'ar']) {
  test(`companion site, ${locale}: axe-core finds no violation on the home, product, DFY and privacy pages`, async ({ page, site }) => {
    for (const path of [`/${locale}`, `/${locale}/products/${site.withImages}`, `/${locale}/products/${site.withoutImages}`, `/${locale}/dfy`, `/${locale}/privacy`]) {
      await page.goto(`${site.baseUrl}${path}`);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${path}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    }
  });
}
