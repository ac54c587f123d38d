import { expect, test } from './built-site';

// the example products' prices, read back from the page and formatted as each language writes them
const priceIn = (locale: string, amount: number, currency: string) => new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);

test.describe('companion site: product pages in three languages, with their images and the fallback', () => {
  test('English: name, price, tags, the cover standing in for the missing hero, the buy state', async ({ page, site }) => {
    test.info().annotations.push({ type: 'next build (40 languages × the example products)', description: `${Math.round(site.buildMs / 1000)} s` });
    const response = await page.goto(`${site.baseUrl}/en/products/${site.withImages}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ascend Launch System');
    await expect(page.getByTestId('price')).toHaveText(priceIn('en', 17, 'USD'));
    await expect(page.getByRole('listitem').filter({ hasText: /^launch$/ })).toBeVisible();
    const hero = page.getByTestId('product-hero').locator('img');
    await expect(hero).toHaveAttribute('src', `/assets/Levqor-Omega-Empire-Pack/products/${site.withImages}/Product-Cover/cover-01.png`);
    await expect.poll(() => hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64);
    await expect(page.getByTestId('not-on-sale')).toHaveText('Not on sale yet.');
    // the product's SEO as the app's content engine computes it (shared/product-seo.ts)
    await expect(page).toHaveTitle('Ascend Launch System: launch your first digital product · Levqor');
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /^A 14-day checklist, a sales-page outline/);
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', `${site.baseUrl}/en/products/${site.withImages}`);
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /opengraph-image/);
    expect(await page.locator('link[rel="alternate"][hreflang]').count()).toBe(41);
  });

  test('French: the price as French writes it, the page in French', async ({ page, site }) => {
    await page.goto(`${site.baseUrl}/fr/products/${site.withImages}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByTestId('price')).toHaveText(priceIn('fr', 17, 'USD'));
    await expect(page.getByRole('link', { name: 'Tous les produits' })).toBeVisible();
  });

  test('Arabic: right to left, and a product with no image shows the labelled fallback, never a broken image', async ({ page, site }) => {
    await page.goto(`${site.baseUrl}/ar/products/${site.withoutImages}`);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    const hero = page.getByTestId('product-hero');
    await expect(hero.locator('img')).toHaveCount(0);
    await expect(hero.locator('[data-fallback="true"]')).toHaveAttribute('aria-label', /الصورة قريبًا/);
    await expect(page.getByTestId('price')).toHaveText(priceIn('ar', 47, 'GBP'));
  });

  test('home: the thumbnail where there is one, the fallback where there is none, the living canvas', async ({ page, site }) => {
    await page.goto(`${site.baseUrl}/en`);
    const thumb = page.locator(`img[src$="/${site.withImages}/Thumbnails/thumbnail-01.png"]`);
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64);
    await expect(page.locator('article').filter({ hasText: 'Automation Accelerator Pack' }).locator('[data-fallback="true"]')).toBeVisible();
    await expect(page.getByTestId('living-canvas')).toBeAttached();
    // no DATABASE_URL: the DFY tiers say they will appear once on sale rather than showing anything invented
    await expect(page.getByTestId('dfy-state')).toHaveAttribute('data-state', 'not-connected');
    const missing = await page.request.get(`${site.baseUrl}/assets/Levqor-Omega-Empire-Pack/products/${site.withoutImages}/Thumbnails/thumbnail-01.png`);
    expect(missing.status()).toBe(404);
  });
});

test('the living canvas moves, and stands still for a visitor who prefers reduced motion', async ({ browser, site }) => {
  const frames = async (reducedMotion: 'reduce' | 'no-preference') => {
    const context = await browser.newContext({ reducedMotion });
    const page = await context.newPage();
    await page.goto(`${site.baseUrl}/en`);
    const canvas = page.getByTestId('living-canvas');
    await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.width)).toBeGreaterThan(0);
    const first = await canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL());
    await page.waitForTimeout(400);
    const second = await canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL());
    await context.close();
    return { first, second };
  };
  const moving = await frames('no-preference');
  expect(moving.second).not.toBe(moving.first);
  const still = await frames('reduce');
  expect(still.second).toBe(still.first);
});
