import { expect, test } from './built-site';

test.describe('companion site: 404 in the visitor’s language, language redirects, sitemap and robots', () => {
  test('an unknown product is a 404 page in the visitor’s language', async ({ page, site }) => {
    const response = await page.goto(`${site.baseUrl}/de/products/no-such-product`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Seite nicht gefunden');
    const other = await page.goto(`${site.baseUrl}/he/nothing/here`);
    expect(other?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('הדף לא נמצא');
  });

  test('an unknown language goes to the same page in the default language', async ({ page, site }) => {
    await page.goto(`${site.baseUrl}/xx/products/${site.withImages}`);
    expect(new URL(page.url()).pathname).toBe(`/en/products/${site.withImages}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ascend Launch System');
  });

  test('a first visit opens in the browser’s language; the switcher moves to the same page in another', async ({ browser, site }) => {
    const context = await browser.newContext({ locale: 'ja-JP', extraHTTPHeaders: { 'accept-language': 'ja-JP,ja;q=0.9' } });
    const page = await context.newPage();
    await page.goto(`${site.baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/ja');
    await page.goto(`${site.baseUrl}/ja/products/${site.withImages}`);
    await page.getByTestId('language-switcher').locator('summary').click();
    await page.getByRole('link', { name: 'Español' }).click();
    await expect(page).toHaveURL(`${site.baseUrl}/es/products/${site.withImages}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await context.close();
  });

  test('sitemap.xml lists every page in every language with hreflang alternates; robots.txt points to it', async ({ request, site }) => {
    const sitemap = await (await request.get(`${site.baseUrl}/sitemap.xml`)).text();
    // home, DFY, privacy, terms and the two example products, in 40 languages
    expect(sitemap.match(/<url>/g)).toHaveLength(6 * 40);
    expect(sitemap).toContain(`<loc>${site.baseUrl}/ar/products/${site.withoutImages}</loc>`);
    expect(sitemap).toContain(`hreflang="zh-TW" href="${site.baseUrl}/zh-TW/products/${site.withImages}"`);
    expect(sitemap).toContain(`hreflang="x-default" href="${site.baseUrl}/en/privacy"`);
    const robots = await (await request.get(`${site.baseUrl}/robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${site.baseUrl}/sitemap.xml`);
    const og = await request.get(`${site.baseUrl}/en/products/${site.withImages}/opengraph-image`);
    expect(og.status()).toBe(200);
    expect(og.headers()['content-type']).toBe('image/png');
  });
});
