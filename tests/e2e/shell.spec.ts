import type { Locator, Page } from '@playwright/test';
import { expect, keepScreenshot, openApp, test } from './fixtures';

/** A brand token's value as the page computes colours: `rgb(r, g, b)`. */
async function tokenRgb(page: Page, name: string): Promise<string> {
  const hex = await page.evaluate((v) => getComputedStyle(document.documentElement).getPropertyValue(v).trim(), name);
  return `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
}

/** Flat, muted, no gradient and no glow: what every disabled button looks like. */
async function expectLooksDisabled(page: Page, button: Locator): Promise<void> {
  await expect(button).toBeDisabled();
  await expect(button).toHaveCSS('background-image', 'none');
  await expect(button).toHaveCSS('box-shadow', 'none');
  await expect(button).toHaveCSS('background-color', await tokenRgb(page, '--ui-surface'));
  await expect(button).toHaveCSS('color', await tokenRgb(page, '--ui-text-muted'));
}

test('a disabled button looks disabled everywhere: the editor\'s gradient Run, an area\'s primary button, a plain one', async ({ page, server }) => {
  await openApp(page, server);
  await page.goto(`${server.baseUrl}#/workflows/new`);
  const run = page.getByTestId('run');
  await expect(run).toBeVisible();
  await expectLooksDisabled(page, run);
  await expectLooksDisabled(page, page.getByTestId('dry-run'));
  await keepScreenshot(page, 'disabled-run');

  await page.goto(`${server.baseUrl}#/launches`);
  await page.getByRole('button', { name: 'New product' }).first().click();
  await expectLooksDisabled(page, page.getByRole('button', { name: 'Create product' }));
  await expectLooksDisabled(page, page.getByRole('button', { name: 'New product' }).first());

  await page.goto(`${server.baseUrl}#/settings`);
  await expectLooksDisabled(page, page.getByRole('button', { name: 'Clear OpenAI API key' }));
});
