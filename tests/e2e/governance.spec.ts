import { startFakeStripe } from '../helpers/stripe';
import { testKey } from '../helpers/stripe/keys';
import { expect, keepScreenshot, openApp, test } from './fixtures';

test('the preflight blocks post-launch on a test-mode Stripe; an override approved in the inbox switches; the audit log shows it, filtered', async ({ page, levqor }) => {
  const stripe = await startFakeStripe();
  try {
    const server = await levqor.start({ env: { STRIPE_SECRET_KEY: testKey, LEVQOR_STRIPE_API_BASE: stripe.url } });
    await openApp(page, server, 'settings');
    const badge = page.getByRole('banner').getByTestId('stage-badge');
    await page.getByRole('region', { name: 'Launch stage' }).getByRole('radio', { name: /^Post-launch/ }).check();

    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog.getByTestId('preflight-verdict')).toHaveText('Preflight: 1 check(s) block going post-launch');
    const stripeCheck = dialog.getByTestId('preflight-check-stripe.liveKey');
    await expect(stripeCheck).toHaveAttribute('data-status', 'block');
    await expect(stripeCheck).toContainText('Stripe is in test mode');
    await expect(stripeCheck.getByRole('link', { name: 'Fix it' })).toHaveAttribute('href', '#/settings');
    await expect(dialog.getByTestId('preflight-check-compliance.dataMap')).toContainText('tables of this machine are mapped');
    await expect(dialog.getByRole('button', { name: 'Go post-launch' })).toBeDisabled();
    await keepScreenshot(page, 'governance-preflight-blocked');

    await dialog.getByRole('button', { name: 'Ask for an override' }).click();
    await expect(dialog.getByRole('alert')).toContainText('reason');
    await dialog.getByLabel(/Say why/).fill('Private beta on test payments, agreed with the team');
    await dialog.getByRole('button', { name: 'Ask for an override' }).click();
    await expect(dialog.getByTestId('override-requested')).toContainText('Approvals inbox');
    await dialog.getByRole('button', { name: 'Stay pre-launch' }).click();
    await expect(badge).toHaveText(/Pre-launch/);

    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: /^Approvals/ }).click();
    const item = page.getByTestId('approvals-pending').locator('[data-status="pending"]');
    await expect(item).toContainText('Post-launch override');
    await expect(item.getByTestId('approval-class')).toHaveText('Class C');
    await item.getByRole('button', { name: 'Approve' }).click();
    await item.getByRole('textbox', { name: 'Reason' }).fill('beta only');
    await item.getByRole('button', { name: 'Confirm approve' }).click();
    await expect(badge).toHaveText(/Post-launch/);

    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: /^Audit log/ }).click();
    const rows = page.getByTestId('audit-row');
    await expect(rows.first()).toContainText('stage.switch');
    await page.getByTestId('audit-kind').selectOption('stage.switch');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('founder');
    await expect(rows.first()).toContainText('done');
    await page.getByTestId('audit-kind').selectOption('');
    await page.getByTestId('audit-outcome').selectOption('approved');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('stage.override');
    await page.getByTestId('audit-outcome').selectOption('');
    await page.getByTestId('audit-text').fill('private beta');
    await expect(rows).toHaveCount(2);
    await page.getByTestId('audit-to').fill('2000-01-01');
    await expect(page.getByText('No audit entry matches these filters.')).toBeVisible();
    await keepScreenshot(page, 'governance-audit');
    await page.getByTestId('audit-to').fill('');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    expect((await download).suggestedFilename()).toMatch(/^levqor-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  } finally {
    await stripe.close();
  }
});

test('with nothing failing, the preflight only warns and the founder switches to post-launch; Settings shows the hardening checklist', async ({ page, server }) => {
  await openApp(page, server, 'settings');
  const hardening = page.getByRole('region', { name: 'Hardening' });
  await expect(hardening.getByTestId('hardening-item-secrets.encrypted')).toHaveAttribute('data-status', 'pass');
  await expect(hardening.getByTestId('hardening-item-server.loopback')).toHaveAttribute('data-status', 'pass');
  await expect(hardening.getByTestId('hardening-item-electron.sandbox')).toContainText('desktop only');
  await expect(hardening.getByTestId('hardening-item-electron.sandbox')).toHaveAttribute('data-status', 'unknown');

  await page.getByRole('region', { name: 'Launch stage' }).getByRole('radio', { name: /^Post-launch/ }).check();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog.getByTestId('preflight-verdict')).toHaveText('Preflight: nothing blocks going post-launch');
  await expect(dialog.getByTestId('preflight-check-backups.recent')).toHaveAttribute('data-status', 'warn');
  await dialog.getByRole('button', { name: 'Go post-launch' }).click();
  await expect(page.getByRole('banner').getByTestId('stage-badge')).toHaveText(/Post-launch/);
});
