import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { callAsPage, expect, keepScreenshot, openApp, test } from './fixtures';

/** A products folder big enough that restic takes a few seconds, so the running backup's bar is seen. */
function productsFolder(root: string): { dir: string; guide: Buffer } {
  const dir = join(root, 'products-src');
  mkdirSync(join(dir, 'guide'), { recursive: true });
  const guide = randomBytes(4096);
  writeFileSync(join(dir, 'guide', 'guide.pdf'), guide);
  for (let i = 0; i < 12; i++) writeFileSync(join(dir, 'guide', `video-${i}.bin`), randomBytes(10_000_000));
  return { dir, guide };
}

async function openForm(page: Page) {
  await page.getByTestId('plan-new').click();
  const form = page.getByTestId('plan-form');
  await expect(form).toBeVisible();
  return form;
}

/** Nothing on the page reaches past the window's right edge. */
async function expectNoOverflow(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling').toBeLessThanOrEqual(width);
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('main *')].filter((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.right > document.documentElement.clientWidth + 1 && !el.closest('.data-table-wrap');
    }).length,
  );
  expect(wide, 'elements past the right edge').toBe(0);
}

test('a plan of the app data made in the Backups area: run with the progress bar, cancel, run again, browse, restore a file, preview retention', async ({ page, levqor }) => {
  test.setTimeout(120_000);
  const { dir: products, guide } = productsFolder(levqor.dataDir);
  const server = await levqor.start({ env: { LEVQOR_PRODUCTS_DIR: products } });
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, server, 'backups');
  await expect(page.getByTestId('backup-engine')).toHaveAttribute('data-found', 'true');
  await expect(page.getByTestId('backup-engine')).toContainText(/restic \d+\.\d+/);

  // bad input names the field and stores nothing
  let form = await openForm(page);
  await form.getByTestId('plan-form-password').fill('long-enough-1');
  await form.getByTestId('plan-form-submit').click();
  await expect(form.getByTestId('plan-form-error')).toContainText('name');
  await form.getByTestId('plan-form-name').fill('business');
  await form.getByTestId('plan-form-where-url').check();
  await form.getByTestId('plan-form-url').fill('ftp://example.com/x');
  await form.getByTestId('plan-form-submit').click();
  await expect(form.getByTestId('plan-form-error')).toHaveAttribute('data-field', 'repository.url');
  await form.getByTestId('plan-form-where-appdata').check();
  await form.getByTestId('plan-form-password').fill('short');
  await form.getByTestId('plan-form-submit').click();
  await expect(form.getByTestId('plan-form-error')).toHaveAttribute('data-field', 'password');
  await expect(form.getByTestId('plan-form-error')).toContainText('at least 8 characters');
  await expect(form.getByTestId('plan-form-cli')).toContainText('levqor backup plan add');
  await keepScreenshot(page, 'backups-form-error');
  expect(await (await callAsPage(page, server, 'backup.pagePlans', {})).json()).toEqual({ plans: [] });

  // a good plan: the repository is made in the data folder
  await form.getByTestId('plan-form-password').fill('long-enough-1');
  await form.getByTestId('plan-form-keepLast').fill('3');
  await form.getByTestId('plan-form-submit').click();
  await expect(form).toBeHidden({ timeout: 20_000 });
  const row = page.getByTestId('plan-row').filter({ hasText: 'business' });
  await expect(row).toContainText('in the app’s data folder');
  await expect(row.getByTestId('plan-status')).toHaveText('never backed up');

  // run now: the progress bar shows while it runs; Cancel stops it, the bar goes and the history says cancelled
  await page.getByTestId('backup-run').click();
  await expect(page.getByTestId('backup-progress')).toBeVisible();
  await keepScreenshot(page, 'backups-running');
  await page.getByTestId('backup-cancel').click();
  await expect(page.getByTestId('backup-progress')).toBeHidden({ timeout: 30_000 });
  await expect(row.getByTestId('plan-status')).toHaveText('cancelled');
  await expect(page.getByTestId('operation-row').first()).toHaveAttribute('data-status', 'cancelled');
  expect(await (await callAsPage(page, server, 'backup.pageSnapshots', { plan: 'business' })).json()).toEqual({ snapshots: [] });

  // the next backup succeeds: the cancel left the repository consistent
  await page.getByTestId('backup-run').click();
  await expect(page.getByTestId('backup-cancel')).toBeVisible();
  await expect(row.getByTestId('plan-status')).toHaveText('succeeded', { timeout: 60_000 });
  await expect(page.getByTestId('backup-progress')).toBeHidden();
  await expect(page.getByTestId('operation-row').first()).toHaveAttribute('data-status', 'succeeded');
  await page.getByTestId('operation-log-toggle').first().click();
  await expect(page.getByTestId('operation-log')).toBeVisible();

  // browse the snapshot and restore one file to a new folder
  await expect(page.getByTestId('snapshot-row')).toHaveCount(1);
  await page.getByTestId('snapshot-browse').click();
  const tree = page.getByTestId('snapshot-tree');
  await expect(tree.locator('[data-path="app-data"]')).toBeVisible();
  await tree.locator('[data-path="products"]').getByRole('button', { name: 'Open products' }).click();
  await tree.locator('[data-path="products/guide"]').getByRole('button', { name: 'Open guide' }).click();
  const file = tree.locator('[data-path="products/guide/guide.pdf"]');
  await expect(file).toContainText('4.1 kB');
  await keepScreenshot(page, 'backups-browse');
  await expect(page.locator('main')).not.toContainText(levqor.dataDir);
  await file.getByTestId('snapshot-entry-restore').click();
  const dialog = page.getByTestId('restore-dialog');
  await dialog.getByTestId('restore-folder').fill('../out');
  await expect(dialog.getByTestId('restore-submit')).toBeDisabled();
  await dialog.getByTestId('restore-folder').fill('guide-back');
  await dialog.getByTestId('restore-submit').click();
  const where = dialog.getByTestId('restore-where');
  await expect(where).toContainText(join(levqor.dataDir, 'restores', 'guide-back'), { timeout: 20_000 });
  expect(readFileSync((await where.textContent())!.trim()).equals(guide)).toBe(true);
  await dialog.getByTestId('restore-close').click();

  // the retention preview with restic's reasons
  const preview = page.getByTestId('retention-preview');
  await expect(preview.getByTestId('retention-keep')).toHaveCount(1);
  await expect(preview.getByTestId('retention-reasons')).toContainText('last snapshot');
  await expect(preview.getByTestId('retention-apply')).toBeVisible();

  for (const size of [
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ]) {
    await page.setViewportSize(size);
    await expectNoOverflow(page, size.width);
    await keepScreenshot(page, `backups-${size.width}x${size.height}`);
  }
  await openForm(page);
  await expectNoOverflow(page, 1280);
  await page.keyboard.press('Escape');

  // restic check finds the repository clean after the cancelled backup
  expect(await (await callAsPage(page, server, 'backup.check', { plan: 'business' })).json()).toMatchObject({ kind: 'check', status: 'succeeded' });
});

test('a plan edited in the Backups area, and its retention applied: pre-launch through an approval, post-launch at once', async ({ page, levqor }) => {
  test.setTimeout(120_000);
  let server = await levqor.start();
  await openApp(page, server, 'backups');
  const form = await openForm(page);
  await form.getByTestId('plan-form-name').fill('business');
  await form.getByTestId('plan-form-password').fill('long-enough-1');
  await form.getByTestId('plan-form-keepLast').fill('3');
  await form.getByTestId('plan-form-submit').click();
  await expect(form).toBeHidden({ timeout: 20_000 });
  for (let i = 0; i < 2; i++) expect(await (await callAsPage(page, server, 'backup.run', { plan: 'business', wait: true })).json()).toMatchObject({ status: 'succeeded' });
  await page.reload();
  const preview = page.getByTestId('retention-preview');
  await expect(preview.getByTestId('retention-keep')).toHaveCount(2);

  // a policy that removes nothing says so
  await preview.getByTestId('retention-apply').click();
  await expect(preview.getByTestId('retention-applied')).toHaveAttribute('data-outcome', 'nothing');
  await expect(preview.getByTestId('retention-applied')).toContainText('removes nothing');

  // the edit form: bad input names its field and changes nothing; good input re-plans at once
  await page.getByTestId('plan-edit-open').click();
  const edit = page.getByTestId('plan-edit');
  await expect(edit.getByTestId('plan-edit-fixed')).toContainText('The repository (in the app’s data folder) and its password stay as they are');
  await expect(edit.getByTestId('plan-edit-keepLast')).toHaveValue('3');
  await expect(edit.getByTestId('plan-edit-retries')).toHaveValue('2');
  await edit.getByTestId('plan-edit-retries').fill('many');
  await edit.getByTestId('plan-edit-submit').click();
  await expect(edit.getByTestId('plan-edit-error')).toHaveAttribute('data-field', 'retries');
  await edit.getByTestId('plan-edit-retries').fill('4');
  await edit.getByTestId('plan-edit-schedule').fill('0 0 31 2 *');
  await edit.getByTestId('plan-edit-submit').click();
  await expect(edit.getByTestId('plan-edit-error')).toHaveAttribute('data-field', 'schedule');
  await expect(edit.getByTestId('plan-edit-error')).toContainText('never fires');
  expect(await (await callAsPage(page, server, 'backup.pagePlans', {})).json()).toMatchObject({ plans: [{ schedule: null, retention: { keepLast: 3 }, runPolicy: { retries: 2 } }] });
  await edit.getByTestId('plan-edit-schedule').fill('0 4 * * *');
  await edit.getByTestId('plan-edit-timezone').fill('UTC');
  await edit.getByTestId('plan-edit-keepLast').fill('1');
  await edit.getByTestId('plan-edit-overlap').selectOption('queue');
  await edit.getByTestId('plan-edit-client').fill('Acme');
  await keepScreenshot(page, 'backups-edit');
  await edit.getByTestId('plan-edit-submit').click();
  await expect(edit).toBeHidden();
  await expect(page.getByTestId('plan-schedule')).toContainText('Schedule 0 4 * * * (UTC) · next');
  await expect(page.getByTestId('plan-row')).toContainText('Client: Acme');
  expect(await (await callAsPage(page, server, 'backup.pagePlans', {})).json()).toMatchObject({ plans: [{ retention: { keepLast: 1 }, runPolicy: { retries: 4, overlap: 'queue', catchUp: 'latest' }, owner: { kind: 'client', name: 'Acme' } }] });

  // pre-launch: Apply asks for approval and links to it; nothing is removed
  await expect(preview.getByTestId('retention-remove')).toHaveCount(1);
  await preview.getByTestId('retention-apply').click();
  const asked = preview.getByTestId('retention-applied');
  await expect(asked).toHaveAttribute('data-outcome', 'approval');
  await expect(asked).toContainText('nothing is removed until you approve it');
  const [approval] = (await (await callAsPage(page, server, 'approvals.list', { kind: 'backup.forget', status: 'pending' })).json()).approvals as Array<{ id: string }>;
  await expect(asked.getByTestId('retention-approval-link')).toHaveAttribute('href', `#/approvals?id=${approval!.id}`);
  await asked.getByTestId('retention-approval-link').click();
  await expect(page.getByTestId(`approval-${approval!.id}`)).toBeVisible();
  expect((await (await callAsPage(page, server, 'backup.pageSnapshots', { plan: 'business' })).json()).snapshots).toHaveLength(2);

  // post-launch: it runs at once and the history shows the forget
  server = await levqor.restart({ env: { LEVQOR_LAUNCH_STAGE: 'post-launch' } });
  await openApp(page, server, 'backups');
  await page.getByTestId('retention-apply').click();
  await expect(page.getByTestId('retention-applied')).toHaveAttribute('data-outcome', 'succeeded', { timeout: 30_000 });
  await expect(page.getByTestId('retention-applied')).toContainText('Removed 1 snapshot(s)');
  const forget = page.getByTestId('operation-row').first();
  await expect(forget).toHaveAttribute('data-status', 'succeeded');
  await expect(forget).toHaveAttribute('data-kind', 'forget');
  await expect(page.getByTestId('snapshot-row')).toHaveCount(1);
});
