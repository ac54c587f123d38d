import type { Page } from '@playwright/test';
import { callAsPage, expect, keepScreenshot, openApp, test } from './fixtures';

/** Types `text` into a text setting's box and saves it; returns the row, to read its alert or status. */
async function typeSetting(page: Page, testId: string, label: string, text: string) {
  const row = page.getByTestId(testId);
  await row.getByRole('textbox', { name: label }).fill(text);
  await row.getByRole('button', { name: 'Save' }).click();
  return row;
}

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
  const folder = page.getByTestId('setting-drive-folderId');
  const input = folder.getByRole('textbox', { name: 'Drive folder' });
  await input.fill('1AbC_folder-42');
  await folder.getByRole('button', { name: 'Save' }).click();
  await expect(folder).toContainText('Saved');
  await expect(input).toHaveValue('1AbC_folder-42');

  // a folder of this machine and an address secrets are sent to: shown, changed only from the CLI
  for (const [id, label] of [
    ['setting-productsDir', 'Products folder'],
    ['setting-drive-rootUrl', 'Drive API address'],
  ] as const) {
    await expect(page.getByTestId(id).getByRole('textbox', { name: label })).toBeDisabled();
    await expect(page.getByTestId(`${id}-cli-only`)).toContainText('levqor settings set');
  }

  // survives a reload (it was stored, not only shown)
  await page.reload();
  await expect(page.getByTestId('setting-logLevel').getByRole('combobox')).toHaveValue('debug');
  await expect(page.getByTestId('setting-updates-autoCheck').getByRole('switch')).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByTestId('setting-drive-folderId').getByRole('textbox')).toHaveValue('1AbC_folder-42');
});

test('a bad value shows the API error with its field and changes nothing', async ({ page, server }) => {
  await openApp(page, server, 'settings');
  const folder = await typeSetting(page, 'setting-drive-folderId', 'Drive folder', 'not a folder!');
  const input = folder.getByRole('textbox', { name: 'Drive folder' });
  const alert = folder.getByRole('alert');
  await expect(alert).toHaveText('Drive folder must be a Google Drive folder id (letters, digits, - and _), or empty');
  await expect(alert).toHaveAttribute('data-field', 'value');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await keepScreenshot(page, 'settings-field-error');

  await page.reload();
  await expect(page.getByTestId('setting-drive-folderId').getByRole('textbox')).toHaveValue('');
  await expect(page.getByTestId('setting-drive-folderId')).toContainText('Default');
});

test('a number setting states its rule in a founder\'s words, naming the setting once', async ({ page, server }) => {
  await openApp(page, server, 'settings');
  await expect(page.getByTestId('setting-telemetry-retentionDays').getByRole('textbox')).toHaveValue('30');
  const retention = await typeSetting(page, 'setting-telemetry-retentionDays', 'Keep raw telemetry (days)', '-5');
  await expect(retention.getByRole('alert')).toHaveText('Keep raw telemetry (days) must be a whole number of days from 1 to 3650');
  await expect(retention.getByRole('textbox')).toHaveAttribute('aria-invalid', 'true');

  const slo = await typeSetting(page, 'setting-telemetry-slo', 'Availability SLO', '99.9');
  const sloAlert = slo.getByRole('alert');
  await expect(sloAlert).toHaveText('Availability SLO must be a fraction above 0.5 and below 1, such as 0.999 for 99.9%');
  for (const internal of ['value:', 'telemetry.', 'must be a number']) await expect(sloAlert).not.toContainText(internal);
  await keepScreenshot(page, 'settings-number-rule');

  // a good value is stored as a number, and nothing was stored for the refused ones
  await typeSetting(page, 'setting-telemetry-slo', 'Availability SLO', '0.995');
  await expect(slo.getByRole('status')).toHaveText('Saved');
  await page.reload();
  await expect(page.getByTestId('setting-telemetry-slo').getByRole('textbox')).toHaveValue('0.995');
  await expect(page.getByTestId('setting-telemetry-retentionDays').getByRole('textbox')).toHaveValue('30');
  const stored = await callAsPage(page, server, 'settings.get', { key: 'telemetry.slo' });
  expect(((await stored.json()) as { settings: Array<{ value: unknown }> }).settings[0]?.value).toBe(0.995);
});

test('a map setting (currency rates) is edited as its JSON text and stored as a map', async ({ page, server }) => {
  await openApp(page, server, 'settings');
  const box = page.getByTestId('setting-revenue-rates').getByRole('textbox', { name: 'Currency rates' });
  await expect(box).toHaveValue('{}');
  const rates = await typeSetting(page, 'setting-revenue-rates', 'Currency rates', '{"euro": 1.08}');
  await expect(rates.getByRole('alert')).toContainText('"euro" is not a three-letter currency code');
  await typeSetting(page, 'setting-revenue-rates', 'Currency rates', '{"eur": 1.08}');
  await expect(rates.getByRole('status')).toHaveText('Saved');
  await page.reload();
  await expect(page.getByTestId('setting-revenue-rates').getByRole('textbox')).toHaveValue('{"eur":1.08}');
  const stored = await callAsPage(page, server, 'settings.get', { key: 'revenue.rates' });
  expect(((await stored.json()) as { settings: Array<{ value: unknown }> }).settings[0]?.value).toEqual({ eur: 1.08 });
});

test('the API rejects a bad setting with 400 and names the field', async ({ page, server }) => {
  await openApp(page, server);
  const res = await callAsPage(page, server, 'settings.set', { key: 'logLevel', value: 'loud' });
  expect(res.status()).toBe(400);
  const body = (await res.json()) as { error: { code: string; message: string; field?: string } };
  expect(body.error.code).toBe('BAD_INPUT');
  expect(body.error.field).toBe('value');
  expect(body.error.message).toContain('must be debug, info, warn or error');

  const unknown = await callAsPage(page, server, 'settings.set', { key: 'nope', value: 1 });
  expect(unknown.status()).toBe(400);
  expect(((await unknown.json()) as { error: { field?: string } }).error.field).toBe('key');
});
