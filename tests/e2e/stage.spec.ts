import { expect, keepScreenshot, openApp, test } from './fixtures';

test('switching to post-launch in Settings changes the header and survives a restart', async ({ page, levqor }) => {
  const first = await levqor.start();
  await openApp(page, first, 'settings');
  const badge = page.getByRole('banner').getByTestId('stage-badge');
  await expect(badge).toHaveText(/Pre-launch/);

  const stage = page.getByRole('region', { name: 'Launch stage' });
  await expect(stage.getByRole('radio', { name: /^Pre-launch/ })).toBeChecked();
  await stage.getByRole('radio', { name: /^Post-launch/ }).check();
  await expect(badge).toHaveText(/Post-launch/);
  await expect(stage.getByRole('radio', { name: /^Post-launch/ })).toBeChecked();
  // the stage setting in Preferences follows
  await expect(page.getByTestId('setting-stage').getByRole('combobox')).toHaveValue('post-launch');
  await keepScreenshot(page, 'settings-post-launch');

  const second = await levqor.restart();
  await openApp(page, second, 'settings');
  await expect(page.getByRole('banner').getByTestId('stage-badge')).toHaveText(/Post-launch/);
  await expect(page.getByRole('region', { name: 'Launch stage' }).getByRole('radio', { name: /^Post-launch/ })).toBeChecked();

  // and back
  await page.getByRole('region', { name: 'Launch stage' }).getByRole('radio', { name: /^Pre-launch/ }).check();
  await expect(page.getByRole('banner').getByTestId('stage-badge')).toHaveText(/Pre-launch/);
});

test('with LEVQOR_LAUNCH_STAGE=post-launch the header and Settings say the environment sets it', async ({ page, levqor }) => {
  const server = await levqor.start({ env: { LEVQOR_LAUNCH_STAGE: 'post-launch' } });
  await openApp(page, server);
  const header = page.getByRole('banner');
  await expect(header.getByTestId('stage-badge')).toHaveText(/Post-launch/);
  await expect(header).toContainText('set by LEVQOR_LAUNCH_STAGE');

  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: /^Settings/ }).click();
  const stage = page.getByRole('region', { name: 'Launch stage' });
  await expect(stage).toContainText('LEVQOR_LAUNCH_STAGE=post-launch');
  await expect(stage).toContainText('the environment variable wins');
  // the stored choice is still pre-launch and can be changed; the env keeps winning
  await expect(stage.getByRole('radio', { name: /^Pre-launch/ })).toBeChecked();
  await keepScreenshot(page, 'settings-stage-from-env');

  const preferences = page.getByTestId('setting-stage');
  await expect(preferences).toContainText('from env LEVQOR_LAUNCH_STAGE');
  await expect(preferences.getByRole('combobox')).toBeDisabled();
});
