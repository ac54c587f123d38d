import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { api } from './api';
import { expect, keepScreenshot, openApp, test } from './fixtures';

const kinds = ['Video script', 'X thread', 'LinkedIn post', 'Email', 'Instagram carousel', 'Mini-article'];

test('a seed becomes the six assets; one is edited (a broken limit shows under its field), copied, exported into the product’s content folder and found in the history', async ({ page, context, levqor }) => {
  test.setTimeout(60_000);
  const server = await levqor.start({ env: { LEVQOR_CONTENT_SITE_URL: 'https://levqor.example' } });
  await api(server, 'products.create', { slug: 'automation-accelerator-pack', name: 'Automation Accelerator Pack', price: 47, currency: 'GBP', description: 'Ready-to-import automation workflows.', tags: ['automation', 'workflows', 'founders'] });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl.replace(/\/$/, '') });
  await openApp(page, server, 'content');

  // no model is set: the ai engine is offered but off, saying why
  await expect(page.getByTestId('ai-engine-reason')).toContainText('AI engine off:');
  await expect(page.getByRole('option', { name: /AI model/ })).toBeDisabled();

  await page.getByLabel('Idea seed (one sentence)').fill('Stop answering the same support email by hand.');
  await page.getByLabel('Audience').fill('solo founders');
  await page.getByRole('button', { name: 'Generate the six assets' }).click();
  const assets = page.locator('.content-asset');
  await expect(assets).toHaveCount(6);
  for (const [i, title] of kinds.entries()) await expect(assets.nth(i).getByRole('heading')).toHaveText(title);

  // edit the X thread in place: a post over 280 characters is refused under that post, nothing saved
  const thread = page.getByRole('article', { name: 'X thread' });
  await thread.getByRole('button', { name: 'Edit' }).click();
  const first = thread.getByLabel('#1');
  await first.fill(`1/5 ${'x'.repeat(300)}`);
  await thread.getByRole('button', { name: 'Save' }).click();
  await expect(thread.locator('#asset-x-thread-posts-0-rules')).toHaveText('must be at most 280 characters');
  await expect(first).toHaveAttribute('aria-invalid', 'true');
  const [stored] = (await api<{ sets: Array<{ id: string; assets: Array<{ kind: string; posts?: string[] }> }> }>(server, 'content.list', { product: 'automation-accelerator-pack' })).sets;
  expect(stored!.assets[1]!.posts![0]).not.toContain('xxx');
  await keepScreenshot(page, 'content-limit-error');

  await first.fill('1/5 Edited by hand: one sentence, six assets.');
  await thread.getByRole('button', { name: 'Save' }).click();
  await expect(thread.locator('pre')).toContainText('1/5 Edited by hand: one sentence, six assets.');

  await thread.getByTestId('copy-x-thread').click();
  await expect(thread.getByTestId('copy-x-thread')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('1/5 Edited by hand: one sentence, six assets.');

  // export: the six Markdown files land in the product's own content folder
  await page.locator('.content-set').getByRole('button', { name: 'Export as Markdown' }).click();
  await expect(page.locator('.content-set').getByTestId('export-result')).toContainText('Wrote 6 files to');
  const { contentDir } = await api<{ contentDir: string }>(server, 'products.get', { slug: 'automation-accelerator-pack' });
  const folder = join(contentDir, 'marketing', stored!.id);
  for (const file of ['01-video-script.md', '02-x-thread.md', '03-linkedin-post.md', '04-email.md', '05-instagram-carousel.md', '06-mini-article.md']) expect(existsSync(join(folder, file)), file).toBe(true);
  expect(readFileSync(join(folder, '02-x-thread.md'), 'utf8')).toContain('1/5 Edited by hand');

  // the history lists the set; opening it again shows the edit
  const history = page.locator('.content-history__item');
  await expect(history).toHaveCount(1);
  await expect(history.first()).toContainText('Stop answering the same support email by hand.');
  await page.reload();
  await expect(page.locator('.content-history__item')).toHaveCount(1);
  await page.getByRole('button', { name: 'Open set' }).click();
  await expect(page.getByRole('article', { name: 'X thread' }).locator('pre')).toContainText('1/5 Edited by hand');
  await keepScreenshot(page, 'content-set');
});

test('Schedule posting makes a workflow from the content-publish-at template whose run waits until the time picked; a past time is refused', async ({ page, levqor }) => {
  const server = await levqor.start({ env: { LEVQOR_CONTENT_SITE_URL: 'https://levqor.example' } });
  await api(server, 'products.create', { slug: 'crm-kit', name: 'CRM Kit', price: 19, description: 'A CRM in a spreadsheet.', tags: ['crm', 'sales', 'founders'] });
  const set = await api<{ id: string }>(server, 'content.generate', { seed: 'Your pipeline fits in one sheet.', product: 'crm-kit' });
  await openApp(page, server, 'content');
  await page.getByRole('button', { name: 'Open set' }).click();
  const when = page.getByLabel('When');
  await when.fill('2020-01-01T09:00');
  await page.getByRole('button', { name: 'Schedule posting' }).click();
  await expect(page.locator('#schedule-at-error')).toHaveText('When: must be a date and time in the future');
  expect((await api<{ workflows: unknown[] }>(server, 'workflows.list', {})).workflows).toEqual([]);

  await when.fill('2099-01-01T09:00');
  await page.getByRole('button', { name: 'Schedule posting' }).click();
  await expect(page.locator('#schedule-at-error')).toHaveText('When: must be within a year (a workflow waits at most 366 days)');
  const inAMonth = new Date(Date.now() + 30 * 86_400_000);
  await when.fill(`${inAMonth.getFullYear()}-${String(inAMonth.getMonth() + 1).padStart(2, '0')}-${String(inAMonth.getDate()).padStart(2, '0')}T09:00`);
  await page.getByLabel('Where').selectOption('slack');
  await page.getByRole('button', { name: 'Schedule posting' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Scheduled for' })).toBeVisible();
  const { workflows } = await api<{ workflows: Array<{ id: string; name: string; lastRun?: { status: string } }> }>(server, 'workflows.list', {});
  expect(workflows).toMatchObject([{ name: 'Publish a content set at a time', lastRun: { status: 'waiting' } }]);
  const { workflow } = await api<{ workflow: { nodes: Array<{ id: string; params: Record<string, unknown> }> } }>(server, 'workflows.get', { id: workflows[0]!.id });
  expect(workflow.nodes.find((n) => n.id === 'publish')?.params).toEqual({ set: set.id, channels: ['slack'] });
});

test('without a valid product the area says to create one first', async ({ page, server }) => {
  await openApp(page, server, 'content');
  await expect(page.getByText('there is no valid product yet')).toBeVisible();
});
