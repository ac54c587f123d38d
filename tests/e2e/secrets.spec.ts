import { callAsPage, expect, keepScreenshot, openApp, test } from './fixtures';

const secretValue = 'sk-e2e-NEVER-SHOWN-7f3a9c1d';

test('a secret is write-only: the page shows Set / Not set, never the value', async ({ page, server }) => {
  await openApp(page, server, 'settings');
  const row = page.getByTestId('secret-openai-apiKey');
  const input = row.getByLabel('New value for OpenAI API key');
  await expect(row.getByTestId('secret-openai-apiKey-status')).toHaveText('Not set');
  await expect(row.getByRole('button', { name: 'Clear OpenAI API key' })).toBeDisabled();

  await input.fill(secretValue);
  await expect(input).toHaveAttribute('type', 'password');
  await row.getByRole('button', { name: 'Save OpenAI API key' }).click();

  await expect(row.getByTestId('secret-openai-apiKey-status')).toHaveText('Set');
  await expect(input).toHaveValue('');
  expect(await page.content()).not.toContain(secretValue);
  expect(await page.evaluate(() => document.body.innerText)).not.toContain(secretValue);
  // the API the page uses never returns it either
  const status = await callAsPage(page, server, 'secrets.status', {});
  expect(status.ok()).toBe(true);
  expect(await status.text()).not.toContain(secretValue);
  await keepScreenshot(page, 'settings-secret-set');

  // still set after a reload, still without the value
  await page.reload();
  await expect(row.getByTestId('secret-openai-apiKey-status')).toHaveText('Set');
  expect(await page.content()).not.toContain(secretValue);

  await row.getByRole('button', { name: 'Clear OpenAI API key' }).click();
  await expect(row.getByTestId('secret-openai-apiKey-status')).toHaveText('Not set');
  await expect(row.getByRole('button', { name: 'Clear OpenAI API key' })).toBeDisabled();
});

test('a secret from the environment says so and is still not shown', async ({ page, levqor }) => {
  const server = await levqor.start({ env: { OPENAI_API_KEY: secretValue } });
  await openApp(page, server, 'settings');
  const row = page.getByTestId('secret-openai-apiKey');
  await expect(row.getByTestId('secret-openai-apiKey-status')).toHaveText('Set');
  await expect(row).toContainText('from env OPENAI_API_KEY');
  expect(await page.content()).not.toContain(secretValue);
});
