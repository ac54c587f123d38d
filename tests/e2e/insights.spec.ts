import { api } from './api';
import { expect, keepScreenshot, openApp, test } from './fixtures';

test('insight cards show the finding, its evidence and impact, ranked; the action button acts', async ({ page, server }) => {
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await api(server, 'products.create', { slug: 'ascend', name: 'Ascend', price: 17, description: 'A launch checklist.', tags: ['launch'], launchDate: tomorrow });
  await openApp(page, server, 'insights');

  const card = page.getByTestId('insight-card');
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute('data-rule', 'omega-slots');
  await expect(card).toContainText('#1 · growth');
  await expect(card).toContainText('"Ascend" launches within a day with 0 of 70 Omega slots filled');
  await expect(card.getByTestId('insight-evidence')).toContainText('Omega slots filled: 0 of 70 (products.checklist)');
  await expect(card).toContainText('Impact: the launch ships without its cover and gallery images');
  await keepScreenshot(page, 'insights-cards');

  await card.getByRole('button', { name: 'Open Launches' }).click();
  await expect(page).toHaveURL(/#\/launches$/);
});

test('with nothing flagged the area says so', async ({ page, server }) => {
  await openApp(page, server, 'insights');
  await expect(page.getByText('Nothing the rules flag right now.')).toBeVisible();
});
