import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { LevqorServer } from './server-process';
import { callAsPage, expect, keepScreenshot, openApp, test } from './fixtures';

test('switching to post-launch in Settings changes the header and survives a restart', async ({ page, levqor }) => {
  const first = await levqor.start();
  await openApp(page, first, 'settings');
  const badge = page.getByRole('banner').getByTestId('stage-badge');
  await expect(badge).toHaveText(/Pre-launch/);

  const stage = page.getByRole('region', { name: 'Launch stage' });
  await expect(stage.getByRole('radio', { name: /^Pre-launch/ })).toBeChecked();
  await stage.getByRole('radio', { name: /^Post-launch/ }).check();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Go post-launch' }).click();
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

/** A workflow with a Class B step, another with only Class A, and a compiled product whose pre-launch upload waits for approval. */
async function somethingToRelease(page: Page, server: LevqorServer): Promise<void> {
  const post = { id: 'refund', name: 'Refund the order', type: 'http.request', params: { method: 'POST', url: 'https://shop.example/refund' } };
  const get = { id: 'fetch', type: 'http.request', params: { method: 'GET', url: 'https://shop.example/order' } };
  for (const [name, nodes] of [['Refunds', [get, post]], ['Read only', [get]]] as const) {
    expect((await callAsPage(page, server, 'workflows.import', { workflow: { name, trigger: { type: 'manual' }, nodes, edges: [] } })).ok()).toBe(true);
  }
  const spec = { slug: 'ascend-kit', name: 'Ascend Kit', price: 17, description: 'A kit', tags: ['launch'] };
  expect((await callAsPage(page, server, 'products.create', spec)).ok()).toBe(true);
  mkdirSync(join(server.dataDir, 'products', spec.slug), { recursive: true });
  writeFileSync(join(server.dataDir, 'products', spec.slug, 'guide.md'), '# Guide\n');
  const compiled = await callAsPage(page, server, 'products.compile', { slug: spec.slug, upload: true });
  expect(((await compiled.json()) as { upload?: { status: string } }).upload?.status).toBe('needs-approval');
}

test('going post-launch asks first, saying which pending uploads it releases and which Class B steps then run for real', async ({ page, server }) => {
  await openApp(page, server, 'settings');
  await somethingToRelease(page, server);
  const badge = page.getByRole('banner').getByTestId('stage-badge');
  const stage = page.getByRole('region', { name: 'Launch stage' });

  for (const size of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
    await page.setViewportSize(size);
    await stage.getByRole('radio', { name: /^Post-launch/ }).check();
    const dialog = page.getByRole('dialog', { name: 'Go post-launch?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('stage-confirm-steps-title')).toHaveText('1 Class B step in 1 workflow will run for real');
    await expect(dialog.getByTestId('stage-confirm-steps')).toHaveText('Refunds › Refund the order (http.request)');
    await expect(dialog.getByTestId('stage-confirm-uploads-title')).toHaveText('1 pending upload will be sent to Google Drive now, without an approval');
    await expect(dialog.getByTestId('stage-confirm-uploads')).toContainText('ascend-kit-1.0.0.zip (ascend-kit 1.0.0,');
    await expect(dialog.getByRole('button', { name: 'Go post-launch' })).toBeInViewport();
    await keepScreenshot(page, `stage-confirm-${size.width}x${size.height}`);

    // not confirmed: nothing changed
    await dialog.getByRole('button', { name: 'Stay pre-launch' }).click();
    await expect(dialog).toBeHidden();
    await expect(stage.getByRole('radio', { name: /^Pre-launch/ })).toBeChecked();
    await expect(badge).toHaveText(/Pre-launch/);
  }
  const uploads = async () => ((await (await callAsPage(page, server, 'products.uploads', {})).json()) as { uploads: Array<{ status: string }> }).uploads.map((u) => u.status);
  expect(await uploads()).toEqual(['needs-approval']);

  // the stage row of Preferences asks the same question
  await page.getByTestId('setting-stage').getByRole('combobox').selectOption('post-launch');
  const dialog = page.getByRole('dialog', { name: 'Go post-launch?' });
  await expect(dialog.getByTestId('stage-confirm-steps-title')).toHaveText('1 Class B step in 1 workflow will run for real');
  await dialog.getByRole('button', { name: 'Go post-launch' }).click();
  await expect(badge).toHaveText(/Post-launch/);
  await expect(page.getByTestId('setting-stage').getByRole('combobox')).toHaveValue('post-launch');
  await expect.poll(uploads).toEqual(['queued']);

  // going back needs no question
  await stage.getByRole('radio', { name: /^Pre-launch/ }).check();
  await expect(badge).toHaveText(/Pre-launch/);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
