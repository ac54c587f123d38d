import { rmSync } from 'node:fs';
import { selfSignedCertificate, startHttpsTarget } from '../helpers/https-target';
import { expect, keepScreenshot, openApp, test } from './fixtures';
import { startTargets } from './guardian-data';

test('monitors are added, edited, paused, resumed, put in maintenance and deleted from the Guardian page, with uptime, a heartbeat bar and response times', async ({ page, levqor }) => {
  test.setTimeout(90_000);
  const targets = await startTargets();
  try {
    const server = await levqor.start({ env: { LEVQOR_DATABASE_URL: '' } });
    await openApp(page, server, 'guardian');
    await page.setViewportSize({ width: 1440, height: 900 });
    const section = page.getByTestId('guardian-monitors');

    // add: the form submits
    await section.getByRole('button', { name: 'Add a monitor' }).click();
    const form = section.getByTestId('monitor-form');
    await form.getByLabel('Type').selectOption('http');
    await form.getByLabel('URL').fill('not a url');
    await form.getByLabel('Name').fill('Shop');
    await form.getByLabel('Check every (seconds)').fill('2');
    await form.getByRole('button', { name: 'Add monitor' }).click();
    // core's refusal names the field, at the field
    await expect(form.getByTestId('monitor-field-url')).toContainText('URL: is not a valid URL');
    await form.getByLabel('URL').fill(targets.url('/ok'));
    await form.getByRole('button', { name: 'Add monitor' }).click();
    await expect(form).toHaveCount(0);
    const shop = page.getByTestId('monitor-Shop');
    // levqor serve checks it on its interval: live, no reload
    await expect(shop.getByTestId('monitor-state')).toHaveText('UP', { timeout: 15_000 });
    await expect(shop.getByTestId('monitor-heartbeat').locator('[data-state="UP"]').nth(1)).toBeAttached({ timeout: 15_000 });
    await expect(shop.getByTestId('monitor-uptime-24h')).toHaveText('24 h 100%');
    await expect(shop.getByTestId('monitor-uptime-30d')).toHaveText('30 d 100%');
    await expect(shop.getByTestId('monitor-response-chart')).toHaveAttribute('aria-label', /^Response time: average \d/);

    // edit: only what changed is sent; the row follows
    await shop.locator('summary', { hasText: 'Actions' }).click();
    await shop.getByRole('button', { name: 'Edit' }).click();
    const edit = shop.getByTestId('monitor-form');
    await expect(edit.getByLabel('Type')).toBeDisabled();
    await expect(edit.getByLabel('URL')).toHaveValue(targets.url('/ok'));
    await edit.getByLabel('Keyword').fill('no such words');
    await edit.getByLabel('Name').fill('Shop front');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    const front = page.getByTestId('monitor-Shop front');
    await expect(front.getByTestId('monitor-state')).toHaveText('DOWN', { timeout: 15_000 });
    await expect(front).toContainText('keyword "no such words" not found');
    await expect(front.getByTestId('monitor-heartbeat').locator('[data-state="DOWN"]').first()).toBeAttached();
    await expect(front.getByTestId('monitor-uptime-24h')).not.toHaveText('24 h 100%');
    // clearing an optional setting clears it
    await front.locator('summary', { hasText: 'Actions' }).click();
    await front.getByRole('button', { name: 'Edit' }).click();
    await front.getByTestId('monitor-form').getByLabel('Keyword').fill('');
    await front.getByTestId('monitor-form').getByRole('button', { name: 'Save changes' }).click();
    await expect(front.getByTestId('monitor-state')).toHaveText('UP', { timeout: 15_000 });

    // pause and resume
    await front.locator('summary', { hasText: 'Actions' }).click();
    await front.getByRole('button', { name: 'Pause' }).click();
    await expect(front).toContainText('paused');
    await front.locator('summary', { hasText: 'Actions' }).click();
    await front.getByRole('button', { name: 'Resume' }).click();
    await expect(front).not.toContainText('paused');

    // a maintenance window from now: the next check says MAINTENANCE
    await front.locator('summary', { hasText: 'Actions' }).click();
    await front.getByRole('button', { name: 'Maintenance' }).click();
    const maintenance = front.getByTestId('monitor-maintenance');
    await maintenance.getByLabel('Reason').fill('deploy');
    await maintenance.getByRole('button', { name: 'Add window' }).click();
    await expect(maintenance.getByTestId('maintenance-window')).toContainText('deploy');
    await expect(front.getByTestId('monitor-state')).toHaveText('MAINTENANCE', { timeout: 15_000 });
    await keepScreenshot(page, 'guardian-monitor-actions');
    await maintenance.getByTestId('maintenance-window').getByRole('button', { name: 'Remove' }).click();
    await expect(maintenance.getByTestId('maintenance-window')).toHaveCount(0);
    await expect(front.getByTestId('monitor-state')).toHaveText('UP', { timeout: 15_000 });

    // delete asks first; keeping it keeps it
    await front.locator('summary', { hasText: 'Actions' }).click();
    await front.getByRole('button', { name: 'Delete' }).click();
    const confirm = front.getByTestId('monitor-delete-confirm');
    await expect(confirm).toContainText('Delete Shop front and its heartbeat history?');
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await expect(front).toBeVisible();
    await front.locator('summary', { hasText: 'Actions' }).click();
    await front.getByRole('button', { name: 'Delete' }).click();
    await front.getByTestId('monitor-delete-confirm').getByRole('button', { name: 'Delete monitor' }).click();
    await expect(page.getByTestId('monitor-Shop front')).toHaveCount(0);
    await expect(page.getByTestId('guardian-monitors-empty')).toBeVisible();
  } finally {
    await targets.close();
  }
});

test('an HTTPS monitor warns before its certificate expires (a self-signed test certificate, trusted for this test only)', async ({ page, levqor }) => {
  test.setTimeout(60_000);
  const certificate = selfSignedCertificate(5);
  const target = await startHttpsTarget(certificate);
  try {
    // the test's certificate is trusted the way Node trusts an extra CA; the app itself loosens nothing
    const server = await levqor.start({ env: { LEVQOR_DATABASE_URL: '', NODE_EXTRA_CA_CERTS: certificate.certFile } });
    await openApp(page, server, 'guardian');
    const section = page.getByTestId('guardian-monitors');
    await section.getByRole('button', { name: 'Add a monitor' }).click();
    const form = section.getByTestId('monitor-form');
    await form.getByLabel('URL').fill(target.url);
    await form.getByLabel('Name').fill('Secure shop');
    await form.getByRole('button', { name: 'Add monitor' }).click();
    const row = page.getByTestId('monitor-Secure shop');
    await expect(row.getByTestId('monitor-state')).toHaveText('UP', { timeout: 15_000 });
    await expect(row.getByTestId('monitor-certificate')).toHaveText(/Certificate expires in [45] days/);
    await expect(row.getByTestId('monitor-certificate')).toHaveAttribute('title', /issued by Levqor Test/);
    await keepScreenshot(page, 'guardian-certificate-warning');
  } finally {
    await target.close();
    rmSync(certificate.dir, { recursive: true, force: true });
  }
});
