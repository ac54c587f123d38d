import { goodToken, startFakeDrive } from '../helpers/drive-server';
import { startPostgres } from '../helpers/postgres-server';
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

test('a secret in the wrong format is refused with its rule, and nothing is stored', async ({ page, server }) => {
  await openApp(page, server, 'settings');
  const refused: Array<[string, string, string]> = [
    ['slack-webhookUrl', 'not a url', 'Slack incoming webhook URL must be an https:// URL on hooks.slack.com (https://hooks.slack.com/services/…)'],
    ['google-driveCredentials', '{ "type": "service_account", "client_email": "x@y"', 'Google Drive credentials (JSON) must be JSON: a service account key ("type": "service_account"), an OAuth refresh token ("type": "authorized_user") or { "access_token": … }; this is not valid JSON'],
    ['database-url', 'mysql://root@db/app', 'Remote Postgres URL must be a postgres:// URL with a host: postgres://user:password@host:5432/database'],
  ];
  for (const [id, value, message] of refused) {
    const row = page.getByTestId(`secret-${id}`);
    await row.getByRole('textbox').fill(value);
    await row.getByRole('button', { name: /^Save/ }).click();
    await expect(row.getByRole('alert')).toHaveText(message);
    await expect(row.getByTestId(`secret-${id}-status`)).toHaveText('Not set');
    await expect(row.getByRole('button', { name: /^Test/ })).toBeDisabled();
  }
  await keepScreenshot(page, 'settings-secret-format');
  const status = await callAsPage(page, server, 'secrets.status', {});
  expect(((await status.json()) as { secrets: Array<{ set: boolean }> }).secrets.every((s) => !s.set)).toBe(true);
});

test('Test asks the service: Drive lists the target folder, Postgres connects, the others say which area brings a test', async ({ page, levqor }) => {
  test.setTimeout(120_000);
  const drive = await startFakeDrive();
  const postgres = await startPostgres();
  try {
    const server = await levqor.start({ env: { LEVQOR_DRIVE_ROOT_URL: drive.url } });
    await openApp(page, server, 'settings');
    const save = async (id: string, value: string) => {
      const row = page.getByTestId(`secret-${id}`);
      await row.getByRole('textbox').fill(value);
      await row.getByRole('button', { name: /^Save/ }).click();
      await expect(row.getByTestId(`secret-${id}-status`)).toHaveText('Set');
      return row;
    };
    const testOf = async (id: string) => {
      const row = page.getByTestId(`secret-${id}`);
      await row.getByRole('button', { name: /^Test/ }).click();
      return row.getByTestId(`secret-${id}-test`);
    };

    await save('google-driveCredentials', JSON.stringify({ access_token: goodToken }));
    await expect(await testOf('google-driveCredentials')).toHaveText('Test passed: listed My Drive: 0 items');
    const folderId = drive.addFolder('Launch archives');
    const folder = page.getByTestId('setting-drive-folderId');
    await folder.getByRole('textbox').fill(folderId);
    await folder.getByRole('button', { name: 'Save' }).click();
    await expect(folder.getByRole('status')).toHaveText('Saved');
    const listed = await testOf('google-driveCredentials');
    await expect(listed).toHaveText('Test passed: listed the folder "Launch archives": 0 items');
    await expect(listed).toHaveAttribute('data-outcome', 'ok');
    expect(drive.requests.some((r) => r.method === 'GET' && r.path === '/drive/v3/files' && r.query.q?.startsWith(`'${folderId}' in parents`))).toBe(true);

    await save('database-url', postgres.url());
    await expect(await testOf('database-url')).toHaveText(/^Test passed: connected: PostgreSQL \d+/);
    const wrong = postgres.url('postgres', 'not-the-password-42');
    await save('database-url', wrong);
    const refused = await testOf('database-url');
    await expect(refused).toHaveText('Test failed: The remote Postgres refused the password for the user in database.url: check database.url (levqor secrets set database.url).');
    await expect(refused).toHaveAttribute('data-outcome', 'failed');

    await save('slack-webhookUrl', 'https://hooks.slack.com/services/T000/B000/XXXXXXXX');
    await expect(await testOf('slack-webhookUrl')).toHaveText('Not tested: Slack offers no way to check an incoming webhook without posting to it: send a test message instead (levqor notify test slack)');
    await keepScreenshot(page, 'settings-secret-tests');

    const html = await page.content();
    for (const value of [goodToken, 'not-the-password-42', postgres.url(), 'XXXXXXXX']) expect(html).not.toContain(value);
  } finally {
    await drive.close();
    await postgres.stop();
  }
});
