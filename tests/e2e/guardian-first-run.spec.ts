import { callAsPage, expect, keepScreenshot, openApp, test } from './fixtures';

test('an empty install gets a first-run checklist ticked from real state, and a score that says there is not enough to assess', async ({ page, levqor }) => {
  const server = await levqor.start({ env: { LEVQOR_DATABASE_URL: '' } });
  await openApp(page, server, 'guardian');
  await page.setViewportSize({ width: 1440, height: 900 });

  // nothing is watched: no 100 / Healthy
  await expect(page.getByTestId('guardian-verdict')).toHaveText('Not enough to assess');
  await expect(page.getByTestId('guardian-score')).toHaveText('\u2014');
  await expect(page.getByTestId('guardian-gauge')).not.toContainText('Healthy');
  await expect(page.getByTestId('guardian-trend')).toContainText('no monitor watches anything yet');

  const checklist = page.getByTestId('guardian-checklist');
  await expect(checklist).toContainText('0 of 5 done');
  const items = { monitor: 'Add a monitor', product: 'Draft a product', workflow: 'Build a workflow', remote: 'Set the remote Postgres', stage: 'Choose the launch stage' };
  for (const [id, label] of Object.entries(items)) {
    await expect(checklist.getByTestId(`checklist-${id}`)).toContainText(label);
    await expect(checklist.getByTestId(`checklist-${id}`)).toHaveAttribute('data-done', 'false');
  }
  // each points where it is done
  await expect(checklist.getByTestId('checklist-product').getByRole('link', { name: 'Open Launches' })).toHaveAttribute('href', '#/launches');
  await expect(checklist.getByTestId('checklist-workflow').getByRole('link', { name: 'Open Workflows' })).toHaveAttribute('href', '#/workflows');
  await expect(checklist.getByTestId('checklist-remote').getByRole('link', { name: 'Open Settings' })).toHaveAttribute('href', '#/settings');
  await expect(checklist.getByTestId('checklist-stage').getByRole('link', { name: 'Open Settings' })).toHaveAttribute('href', '#/settings');
  await keepScreenshot(page, 'guardian-first-run');

  // the monitor item opens the form on this page; adding one ticks it and the score becomes a real one
  await checklist.getByTestId('checklist-monitor').getByRole('button', { name: 'Open the monitor form' }).click();
  const form = page.getByTestId('guardian-monitors').getByTestId('monitor-form');
  await form.getByLabel('Type').selectOption('internal');
  await form.getByTestId('monitor-field-check').getByRole('combobox').selectOption('disk');
  await form.getByLabel('Min free MB').fill('0');
  await form.getByLabel('Name').fill('data disk');
  await form.getByRole('button', { name: 'Add monitor' }).click();
  await expect(checklist.getByTestId('checklist-monitor')).toHaveAttribute('data-done', 'true');
  await expect(checklist).toContainText('1 of 5 done');
  await expect(page.getByTestId('monitor-data disk').getByTestId('monitor-state')).toHaveText('UP', { timeout: 15_000 });
  await expect(page.getByTestId('guardian-score')).toHaveText('100');
  await expect(page.getByTestId('guardian-verdict')).toHaveText('Healthy');

  // the stage item ticks once the stage is chosen, wherever that happens
  expect((await callAsPage(page, server, 'stage.set', { stage: 'pre-launch' })).ok()).toBe(true);
  await expect(checklist.getByTestId('checklist-stage')).toHaveAttribute('data-done', 'true');

  // hidden on request, and it stays hidden
  await checklist.getByRole('button', { name: 'Hide this list' }).click();
  await expect(page.getByTestId('guardian-checklist')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('monitor-data disk')).toBeVisible();
  await expect(page.getByTestId('guardian-checklist')).toHaveCount(0);
});
