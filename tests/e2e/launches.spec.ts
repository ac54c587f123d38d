import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { callAsPage, expect, keepScreenshot as keepFullPage, openApp, test } from './fixtures';
import { greyPng } from '../helpers/png';

const slug = 'ascend-launch-system';

/** A full-page screenshot from the top (the header and sidebar are sticky). */
async function keepScreenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await keepFullPage(page, name);
}

/**
 * The separators (`·`) inside `scope` that end or start a line as laid out: nothing after one
 * on its line, or nothing before it. Each as the text around it, so a failure shows where.
 */
async function danglingSeparators(scope: Locator): Promise<string[]> {
  return scope.evaluate((root) => {
    const chars: Array<{ node: Text; at: number; rect: DOMRect }> = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (let at = 0; at < node.data.length; at++) {
        if (/\s/.test(node.data[at]!)) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const rect = range.getBoundingClientRect();
        if (rect.width > 1 && rect.height > 1) chars.push({ node, at, rect });
      }
    }
    const sameLine = (a: DOMRect, b: DOMRect) => a.top < b.bottom - 2 && b.top < a.bottom - 2;
    const found: string[] = [];
    chars.forEach((c, i) => {
      if (c.node.data[c.at] !== '·') return;
      const before = chars[i - 1];
      const after = chars[i + 1];
      if (!before || !after || !sameLine(before.rect, c.rect) || !sameLine(c.rect, after.rect)) found.push(c.node.data.trim() || '·');
    });
    return found;
  });
}

test('draft a product, compile it with a progress bar, and see the result and the checklist', async ({ page, server, levqor }) => {
  await openApp(page, server, 'launches');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Launches');
  await expect(main.getByTestId('launches-empty')).toContainText('No products yet — create your first');
  await keepScreenshot(page, 'launches-empty');

  // draft it in the form, with live validation from the shared schema
  await main.getByRole('button', { name: 'New product' }).click();
  const form = main.getByRole('region', { name: 'New product' });
  const create = form.getByRole('button', { name: 'Create product' });
  await form.getByLabel('Name').fill('Ascend Launch System');
  await expect(form.getByLabel('Slug')).toHaveValue(slug);
  await form.getByLabel('Price (USD)').fill('1.234');
  const price = form.getByTestId('field-price');
  await expect(price).toContainText('must have at most two decimals');
  await expect(form.getByLabel('Price (USD)')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Description', { exact: true }).fill('Launch a digital product in a weekend.');
  await form.getByLabel('Tags').fill(`launch, ${'x'.repeat(41)}`);
  await expect(form.getByTestId('field-tags')).toContainText('tags.1: must be at most 40 characters');
  await expect(create).toBeDisabled();
  await keepScreenshot(page, 'launches-form-errors');

  await form.getByLabel('Price (USD)').fill('19.99');
  await form.getByLabel('Tags').fill('launch, templates');
  await expect(price).not.toContainText('must have');
  await expect(form.getByRole('status')).toHaveText('Valid spec');
  await expect(create).toBeEnabled();
  await create.click();
  await expect(form).toBeHidden();

  const row = main.getByTestId(`product-row-${slug}`);
  await expect(row).toContainText('Ascend Launch System');
  await expect(row).toContainText('$19.99');
  await expect(row).toContainText('draft');
  await expect(row).toContainText('not compiled yet');
  const detail = main.getByTestId('product-detail');
  await expect(detail.getByRole('heading', { name: 'Ascend Launch System' })).toBeVisible();

  // the product's files: <dataDir>/products/<slug>/ with the default products folder
  const contentDir = join(levqor.dataDir, 'products', slug);
  mkdirSync(join(contentDir, 'bonus'), { recursive: true });
  writeFileSync(join(contentDir, 'guide.md'), '# Ascend\n\nStep one: launch.\n'.repeat(200));
  writeFileSync(join(contentDir, 'bonus', 'assets.bin'), randomBytes(6 * 1024 * 1024));

  // compile with the upload skipped: the progress bar fills, then the result
  const compile = detail.getByRole('region', { name: 'Compile' });
  await compile.getByRole('checkbox', { name: 'Skip upload' }).check();
  await compile.getByRole('button', { name: 'Compile', exact: true }).click();
  const bar = compile.getByRole('progressbar', { name: 'Zipping' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  await expect(compile.getByTestId('progress-zip')).toContainText('Zipping done');
  const result = compile.getByTestId('compile-result');
  await expect(result).toBeVisible();
  const sha = (await result.getByTestId('result-sha256').locator('code').textContent()) ?? '';
  expect(sha).toMatch(/^[0-9a-f]{64}$/);
  await expect(result.getByTestId('result-zip')).toContainText(`${slug}-1.0.0.zip`);
  await expect(result.getByTestId('result-uploaded')).toContainText('no');
  await expect(result.getByTestId('result-omega')).toContainText(join('Levqor-Omega-Empire-Pack', 'products', slug));
  await expect(row).toContainText(sha.slice(0, 12));

  // the checklist: the Omega folders now exist, every slot still empty
  const checklist = detail.getByTestId('checklist');
  await expect(checklist.getByTestId('omega-total')).toHaveText('0 of 70 slots filled');
  await expect(checklist.getByTestId('omega-Product-Cover')).toContainText('0 of 3');
  await expect(checklist.getByTestId('omega-Brand-Geometry-Pack')).toContainText('0 of 13');
  await expect(checklist.getByTestId('step-drive')).toContainText('(to do)');

  // drop a real PNG into the first cover slot and re-check: its size is read from the file
  const omegaDir = join(levqor.dataDir, 'public', 'assets', 'Levqor-Omega-Empire-Pack', 'products', slug);
  writeFileSync(join(omegaDir, 'Product-Cover', 'cover-01.png'), greyPng(64, 40));
  writeFileSync(join(omegaDir, 'Product-Cover', 'cover-02.png'), 'not a png');
  await checklist.getByRole('button', { name: 'Re-check' }).click();
  await expect(checklist.getByTestId('omega-Product-Cover')).toContainText('1 of 3');
  await expect(checklist.getByTestId('omega-Product-Cover')).toContainText('cover-01.png · 64×40');
  await expect(checklist.getByTestId('omega-total')).toHaveText('1 of 70 slots filled');

  // copy buttons: the clipboard, or the readonly input's text selected for a manual copy
  const title = checklist.getByTestId('copy-title');
  await expect(title.getByRole('textbox')).toHaveValue('Ascend Launch System');
  await title.getByRole('button', { name: 'Copy Title' }).click();
  await expect(title.getByRole('status')).toHaveText(/^(Copied|Select and copy)/);
  await expect(checklist.getByTestId('copy-content-url').getByRole('button')).toBeDisabled();
  await keepScreenshot(page, 'launches-compiled');

  // compile again with the upload: in pre-launch it is a dry run waiting for an approval in the inbox
  await compile.getByRole('checkbox', { name: 'Skip upload' }).uncheck();
  await compile.getByRole('button', { name: 'Compile', exact: true }).click();
  await expect(result.getByTestId('result-uploaded')).toContainText('waiting for approval');
  await expect(row.getByTestId('upload-state')).toContainText('waiting for approval');
  await expect(result.getByTestId('upload-approval-link')).toHaveAttribute('href', '#/approvals');
  // no separator is left hanging at the end (or start) of a line, at either window size
  for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
    await page.setViewportSize(size);
    expect(await danglingSeparators(result), `${size.width}×${size.height}`).toEqual([]);
    expect(await danglingSeparators(row), `${size.width}×${size.height}`).toEqual([]);
  }
  await keepScreenshot(page, 'launches-awaiting-approval');
  // the same files give the same archive
  await expect(result.getByTestId('result-sha256')).toContainText(sha);
});

test('edit a product, and the server\u2019s refusal of a taken slug shows under the field', async ({ page, server, levqor }) => {
  await openApp(page, server);
  const res = await callAsPage(page, server, 'products.create', { slug, name: 'Ascend', price: 17, description: 'A kit', tags: ['launch'] });
  expect(res.status()).toBe(200);
  await page.goto(`${server.baseUrl}#/launches`);
  const main = page.getByRole('main');
  const row = main.getByTestId(`product-row-${slug}`);
  await expect(row).toContainText('$17.00');

  // a second product with the same slug: the API says CONFLICT on slug
  await main.getByRole('button', { name: 'New product' }).click();
  const form = main.getByRole('region', { name: 'New product' });
  await form.getByLabel('Name').fill('Ascend Launch System');
  await form.getByLabel('Slug').fill(slug);
  await form.getByLabel('Price (USD)').fill('abc');
  await expect(form.getByTestId('field-price')).toContainText('must be a number');
  await form.getByLabel('Price (USD)').fill('17');
  await form.getByLabel('Description', { exact: true }).fill('Another');
  await form.getByLabel('Tags').fill('launch');
  await form.getByRole('button', { name: 'Create product' }).click();
  const slugError = form.getByTestId('field-slug').getByRole('alert');
  await expect(slugError).toContainText('already exists');
  await form.getByRole('button', { name: 'Cancel' }).click();

  // edit: the slug stays, the price changes
  await main.getByTestId('product-detail').getByRole('button', { name: 'Edit' }).click();
  const edit = main.getByRole('region', { name: 'Edit Ascend' });
  await expect(edit.getByLabel('Slug')).toHaveAttribute('readonly', '');
  await edit.getByLabel('Price (USD)').fill('27.5');
  await edit.getByLabel('Status').selectOption('ready');
  // a stray comma is a slip, not a tag: the empty entries are dropped on save
  await edit.getByLabel('Tags').fill('launch, , ');
  await expect(edit.getByTestId('field-tags')).not.toContainText('must not be empty');
  await edit.getByText('SEO and Gumroad (optional)').click();
  await edit.getByLabel('Gumroad listing URL').fill('https://levqor.gumroad.com/l/ascend');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('$27.50');
  await expect(row).toContainText('ready');
  const stored = JSON.parse(readFileSync(join(levqor.dataDir, 'products', `${slug}.product.json`), 'utf8')) as { tags: string[] };
  expect(stored.tags).toEqual(['launch']);
  const checklist = main.getByTestId('checklist');
  await expect(checklist.getByTestId('copy-tags').getByRole('textbox')).toHaveValue('launch');

  // a typed URL is all Levqor knows of the listing: the step says so, and claims no more
  const gumroad = checklist.getByTestId('step-gumroad');
  await expect(gumroad).toContainText('Gumroad listing URL entered');
  await expect(gumroad).toContainText('URL entered: https://levqor.gumroad.com/l/ascend');
  await expect(gumroad).not.toContainText('created');
  await keepScreenshot(page, 'launches-list');
});

test('a running compile can be cancelled, and leaves no archive behind', async ({ page, server, levqor }) => {
  await openApp(page, server);
  const res = await callAsPage(page, server, 'products.create', { slug: 'big-bundle', name: 'Big Bundle', price: 49, description: 'Lots of text', tags: ['bundle'] });
  expect(res.status()).toBe(200);
  // text that deflates, big enough that zipping it takes a few seconds
  const contentDir = join(levqor.dataDir, 'products', 'big-bundle');
  for (let i = 0; i < 4; i++) writeFileSync(join(contentDir, `part-${i}.txt`), randomBytes(24 * 1024 * 1024).toString('base64'));

  await page.goto(`${server.baseUrl}#/launches`);
  const compile = page.getByRole('main').getByRole('region', { name: 'Compile' });
  await compile.getByRole('checkbox', { name: 'Skip upload' }).check();
  await compile.getByRole('button', { name: 'Compile', exact: true }).click();
  await expect(compile.getByRole('progressbar', { name: 'Zipping' })).toBeVisible();
  await compile.getByRole('button', { name: 'Cancel' }).click();
  await expect(compile.getByTestId('compile-cancelled')).toContainText('Cancelled');
  await expect(compile.getByTestId('progress-zip')).toContainText('Zipping stopped');
  await expect(compile.getByRole('button', { name: 'Compile', exact: true })).toBeEnabled();
  await expect(compile.getByTestId('compile-result')).toHaveCount(0);
  const zipDir = join(levqor.dataDir, 'dist', 'products', 'big-bundle');
  // the temp archive is removed as the compile unwinds
  await expect.poll(() => (existsSync(zipDir) ? readdirSync(zipDir) : [])).toEqual([]);
  await keepScreenshot(page, 'launches-cancelled');
});

/** Drops files onto `target` as the desktop would: a DataTransfer with File objects, dragenter → dragover → drop. */
async function dropFiles(page: Page, target: Locator, files: Array<{ name: string; bytes: Buffer; type?: string }>): Promise<void> {
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    return dt;
  }, files.map((f) => ({ name: f.name, b64: f.bytes.toString('base64'), type: f.type ?? 'application/octet-stream' })));
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer: transfer });
}

test('files and PNGs are dropped onto the product from the Launches area: the content folder, the Omega slots with previews and their sizes', async ({ page, server, levqor }) => {
  await openApp(page, server);
  expect((await callAsPage(page, server, 'products.create', { slug, name: 'Ascend', price: 17, description: 'A kit', tags: ['launch'] })).ok()).toBe(true);
  await page.goto(`${server.baseUrl}#/launches`);
  const detail = page.getByTestId('product-detail');
  const files = detail.getByTestId('content-files');
  const contentDir = join(levqor.dataDir, 'products', slug);

  // into the content folder: by drop, and by the picker (a file bigger than one call, sent in parts)
  await dropFiles(page, files.getByTestId('content-drop'), [{ name: 'guide.md', bytes: Buffer.from('# Guide\n') }]);
  await expect(files.getByTestId('content-sends')).toContainText('guide.md');
  await expect(files.getByTestId('content-file-list')).toContainText('guide.md');
  const book = randomBytes(1_300_000);
  await files.getByLabel('Files to add to the product').setInputFiles({ name: 'book.pdf', mimeType: 'application/pdf', buffer: book });
  await expect(files.getByTestId('content-file-list')).toContainText('book.pdf1.3 MB');
  await expect(files.getByTestId('content-files-total')).toHaveText('2 files · 1.3 MB');
  expect(readdirSync(contentDir).sort()).toEqual(['book.pdf', 'guide.md']);
  // a name the product cannot hold is refused, with the rule
  await dropFiles(page, files.getByTestId('content-drop'), [{ name: `${slug}.product.json`, bytes: Buffer.from('{}') }]);
  await expect(files.getByTestId('content-sends')).toContainText('must not end with .product.json');

  // the Omega folders: no folder path to drop into by hand, the page is the drop zone
  const checklist = detail.getByTestId('checklist');
  await expect(checklist.getByTestId('omega-hint')).toContainText('Drop PNGs onto a folder below');
  const cover = checklist.getByTestId('omega-Product-Cover');
  await expect(cover.getByTestId('omega-Product-Cover-size')).toHaveText('PNG, made for 1280×720');
  const social = checklist.getByTestId('omega-Social-Posts');
  await expect(social.getByTestId('omega-Social-Posts-styles')).toHaveText('5 per style: quote, tip, promo');
  await expect(social.getByTestId('slot-Social-Posts/social-tip-01.png')).toHaveAttribute('title', /tip style, made for 1080×1080/);
  await dropFiles(page, cover, [
    { name: 'b.png', bytes: greyPng(1280, 720), type: 'image/png' },
    { name: 'a.png', bytes: greyPng(1280, 720), type: 'image/png' },
  ]);
  await expect(cover.getByTestId('omega-Product-Cover-count')).toHaveText('2 of 3');
  await expect(checklist.getByTestId('omega-total')).toHaveText('2 of 70 slots filled');
  const first = cover.getByTestId('slot-Product-Cover/cover-01.png');
  await expect(first.locator('img')).toHaveAttribute('src', /^data:image\/png;base64,/);
  await expect(first).toHaveAttribute('title', /1280×720 PNG, made for 1280×720/);

  // one slot replaced; a PNG of another size is taken and flagged; what is not a PNG is refused
  const thumbnail = checklist.getByTestId('slot-Thumbnails/thumbnail-02.png');
  await dropFiles(page, thumbnail, [{ name: 'small.png', bytes: greyPng(300, 200), type: 'image/png' }]);
  await expect(thumbnail).toHaveAttribute('data-state', 'odd');
  await expect(checklist.getByTestId('omega-Thumbnails')).toContainText('thumbnail-02.png · 300×200 (made for 600×600)');
  await dropFiles(page, cover.getByTestId('slot-Product-Cover/cover-03.png'), [{ name: 'photo.jpg', bytes: Buffer.from('ffd8ffe000104a464946', 'hex'), type: 'image/jpeg' }]);
  await expect(checklist.getByTestId('omega-sends')).toContainText('is not a PNG (wrong signature); an Omega slot takes a PNG');
  await expect(cover.getByTestId('omega-Product-Cover-count')).toHaveText('2 of 3');
  // a drop on a slot leaves its folder unlit
  await expect(cover).not.toHaveClass(/lx-folder--over/);

  const omegaDir = join(levqor.dataDir, 'public', 'assets', 'Levqor-Omega-Empire-Pack', 'products', slug);
  expect(readdirSync(join(omegaDir, 'Product-Cover')).sort()).toEqual(['cover-01.png', 'cover-02.png']);
  expect(existsSync(join(omegaDir, 'manifest.json'))).toBe(true);
  for (const size of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
    await page.setViewportSize(size);
    await expect(cover).toBeVisible();
    await keepScreenshot(page, `launches-drop-${size.width}x${size.height}`);
  }
});
