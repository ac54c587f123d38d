import { expect, keepScreenshot, openApp, test } from './fixtures';

test('settings are listed with value, default and source, and can be edited', async ({ page, server }) => {
  await openApp(page, server, 'settings');
  const preferences = page.getByRole('region', { name: 'Preferences' });
  for (const label of ['Launch stage', 'Products folder', 'Log level', 'Check for updates']) {
    await expect(preferences).toContainText(label);
  }

  // enum -> select
  const logLevel = page.getByTestId('setting-logLevel');
  await expect(logLevel).toContainText('Default: info');
  await expect(logLevel.getByText('Default', { exact: true })).toBeVisible();
  await logLevel.getByRole('combobox', { name: 'Log level' }).selectOption('debug');
  await expect(logLevel.getByRole('status')).toHaveText('Saved');
  await expect(logLevel.getByText('Stored', { exact: true })).toBeVisible();
  await expect(logLevel.getByRole('combobox', { name: 'Log level' })).toHaveValue('debug');

  // boolean -> switch
  const updates = page.getByTestId('setting-updates-autoCheck');
  const toggle = updates.getByRole('switch', { name: 'Check for updates' });
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');

  // string -> text input
  const products = page.getByTestId('setting-productsDir');
  const input = products.getByRole('textbox', { name: 'Products folder' });
  await input.fill('/tmp/levqor-products');
  await products.getByRole('button', { name: 'Save' }).click();
  await expect(products).toContainText('Saved');
  await expect(input).toHaveValue('/tmp/levqor-products');

  // survives a reload (it was stored, not only shown)
  await page.reload();
  await expect(page.getByTestId('setting-logLevel').getByRole('combobox')).toHaveValue('debug');
  await expect(page.getByTestId('setting-updates-autoCheck').getByRole('switch')).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByTestId('setting-productsDir').getByRole('textbox')).toHaveValue('/tmp/levqor-products');
});

test('a bad value shows the API error with its field and changes nothing', async ({ page, server }) => {
  await openApp(page, server, 'settings');
  const products = page.getByTestId('setting-productsDir');
  const input = products.getByRole('textbox', { name: 'Products folder' });
  await input.fill('   ');
  await products.getByRole('button', { name: 'Save' }).click();

  const alert = products.getByRole('alert');
  await expect(alert).toContainText('value: productsDir must not be empty');
  await expect(alert).toHaveAttribute('data-field', 'value');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await keepScreenshot(page, 'settings-field-error');

  await page.reload();
  await expect(page.getByTestId('setting-productsDir').getByRole('textbox')).toHaveValue('');
  await expect(page.getByTestId('setting-productsDir')).toContainText('Default');
});

test('the API rejects a bad setting with 400 and names the field', async ({ page, server }) => {
  await openApp(page, server);
  // page.request shares the browser's session cookie
  const res = await page.request.post(`${server.baseUrl}api/settings.set`, { data: { key: 'logLevel', value: 'loud' } });
  expect(res.status()).toBe(400);
  const body = (await res.json()) as { error: { code: string; message: string; field?: string } };
  expect(body.error.code).toBe('BAD_INPUT');
  expect(body.error.field).toBe('value');
  expect(body.error.message).toContain('must be debug, info, warn or error');

  const unknown = await page.request.post(`${server.baseUrl}api/settings.set`, { data: { key: 'nope', value: 1 } });
  expect(unknown.status()).toBe(400);
  expect(((await unknown.json()) as { error: { field?: string } }).error.field).toBe('key');
});
