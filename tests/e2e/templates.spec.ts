import { expect, openApp, test } from './fixtures';
import { callApi as call, node } from './workflow-helpers';

test('the template gallery: filter by category and search, fill a template’s inputs (a wrong one is named), and the new disabled workflow opens in the editor', async ({ page, server }) => {
  await openApp(page, server, 'workflows');
  await page.getByTestId('templates-link').click();
  await expect(page).toHaveURL(/#\/workflows\/templates$/);
  const gallery = page.getByTestId('templates-gallery');
  await expect(gallery.getByTestId('template-card-new-lead-welcome')).toContainText('New lead → welcome email + Telegram ping');

  await gallery.getByTestId('templates-category').selectOption('customer care');
  await expect(gallery.getByTestId('template-card-launch-day-sequence')).toHaveCount(0);
  await gallery.getByTestId('templates-search').fill('testimonial');
  const card = gallery.getByTestId('template-card-testimonial-request');
  await expect(card).toContainText("Customer's email (email)");
  await expect(gallery.locator('[data-testid^="template-card-"]')).toHaveCount(1);

  await card.getByTestId('template-use-testimonial-request').click();
  const form = card.getByTestId('template-use-form');
  await expect(form.getByTestId('template-input-days')).toHaveValue('5');
  await form.getByTestId('template-input-customerEmail').fill('ada@example.com');
  await form.getByTestId('template-input-product').fill('Not A Slug');
  await form.getByTestId('template-input-reviewUrl').fill('https://example.com/review');
  await form.getByTestId('template-use-submit').click();
  await expect(form.getByTestId('template-use-error')).toContainText('inputs.product: must be a product slug');
  expect((await call<{ workflows: unknown[] }>(server, 'workflows.list', {})).workflows).toEqual([]);

  await form.getByTestId('template-input-product').fill('crm-kit');
  await form.getByTestId('template-use-submit').click();
  await expect(page).toHaveURL(/#\/workflows\/[0-9a-f-]{36}$/);
  await expect(node(page, 'ask')).toBeVisible();
  const id = /#\/workflows\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
  const stored = await call<{ enabled: boolean; name: string }>(server, 'workflows.get', { id });
  expect(stored).toMatchObject({ enabled: false, name: 'Testimonial request after delivery' });
});
