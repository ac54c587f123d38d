import { expect, openApp, test } from './fixtures';

test('two windows stay in sync through the event stream', async ({ context, server }) => {
  const one = await context.newPage();
  const two = await context.newPage();
  await openApp(one, server, 'settings');
  await openApp(two, server, 'guardian');

  await one.getByRole('region', { name: 'Launch stage' }).getByRole('radio', { name: /^Post-launch/ }).check();
  await one.getByRole('dialog', { name: 'Go post-launch?' }).getByRole('button', { name: 'Go post-launch' }).click();
  await expect(two.getByRole('banner').getByTestId('stage-badge')).toHaveText(/Post-launch/);

  await two.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: /^Settings/ }).click();
  await one.getByTestId('secret-slack-webhookUrl').getByLabel('New value for Slack incoming webhook URL').fill('https://hooks.slack.com/services/T000/B000/xyz');
  await one.getByRole('button', { name: 'Save Slack incoming webhook URL' }).click();
  await expect(two.getByTestId('secret-slack-webhookUrl-status')).toHaveText('Set');

  await one.getByTestId('setting-logLevel').getByRole('combobox').selectOption('warn');
  await expect(two.getByTestId('setting-logLevel').getByRole('combobox')).toHaveValue('warn');
});
