import type { Page } from '@playwright/test';
import { expect, keepScreenshot, openApp, test, type Levqor } from './fixtures';
import { api as call } from './api';
import { startFakeStripe, type FakeStripe } from '../helpers/stripe';
import { testKey } from '../helpers/stripe/keys';
import type { LevqorServer } from './server-process';

/** The Revenue area open on a server whose Stripe is the local one (a test key). */
async function onRevenuePage(page: Page, levqor: Levqor, run: (server: LevqorServer, stripe: FakeStripe) => Promise<void>) {
  const stripe = await startFakeStripe();
  try {
    const server = await levqor.start({ env: { STRIPE_SECRET_KEY: testKey, LEVQOR_STRIPE_API_BASE: stripe.url } });
    await openApp(page, server, 'revenue');
    await run(server, stripe);
  } finally {
    await stripe.close();
  }
}

/** The Revenue area's "New package" form, filled in; `price` as the founder types it. */
async function fillNewPackage(page: Page, price: string) {
  const section = page.getByTestId('packages');
  await section.getByRole('button', { name: 'New package' }).click();
  const form = section.getByRole('form', { name: 'New package' });
  await form.getByLabel('Name').fill('Launch kit');
  await form.getByLabel('Tier').fill('starter');
  await form.getByLabel('Price').fill(price);
  await form.getByLabel('Description').fill('Landing page and launch emails');
  await form.getByRole('button', { name: 'Ask to put on sale' }).click();
  return form;
}

test('a DFY package proposed in the Revenue area goes on sale once approved, with its payment link', async ({ page, levqor }) => {
  test.setTimeout(60_000);
  await onRevenuePage(page, levqor, async (server, stripe) => {
    const section = page.getByTestId('packages');
    await expect(page.getByTestId('packages-mode')).toHaveText('Test mode');
    // a Stripe account with no subscriptions: the page says so instead of drawing zero lines
    const sync = page.getByTestId('stripe-sync');
    await sync.getByRole('button', { name: 'Sync now' }).click();
    await expect(sync).toContainText('Stripe last synced');
    await expect(page.getByTestId('charts-empty')).toContainText('No subscription revenue in these 24 months');
    await expect(page.getByTestId('movements')).toHaveCount(0);
    await fillNewPackage(page, '499');
    await expect(section.getByTestId('package-approval-waiting')).toContainText('The new package Launch kit waits for your approval');
    expect(stripe.requests.filter((r) => r.method === 'POST')).toEqual([]);

    await section.getByTestId('package-approval-link').click();
    await expect(page).toHaveURL(/#\/approvals\?id=/);
    const item = page.getByTestId('approvals-pending').locator('[data-status="pending"]');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('DFY package Launch kit (starter, $499.00)');
    // the link names this approval: the inbox marks it
    await expect(item).toHaveAttribute('aria-current', 'true');
    await expect(item.getByTestId('approval-class')).toHaveText('Class C');
    await item.getByRole('button', { name: 'Show raw JSON' }).click();
    await expect(item.getByTestId('approval-preview')).toContainText('"path": "/v1/payment_links"');
    await expect(item.getByTestId('approval-preview')).toContainText('"unit_amount": "49900"');

    await item.getByRole('button', { name: 'Approve' }).click();
    await item.getByRole('textbox', { name: 'Reason' }).fill('price agreed');
    await item.getByRole('button', { name: 'Confirm approve' }).click();
    const decided = page.getByTestId('approvals-decided').locator('[data-status="approved"]');
    await expect(decided).toContainText('is on sale');
    await expect(decided).toContainText('https://buy.stripe.com/');
    expect(stripe.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/v1/products', '/v1/prices', '/v1/payment_links']);

    await page.goto(`${server.baseUrl}#/revenue`);
    const row = page.getByTestId('package-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Launch kit');
    await expect(row).toContainText('Landing page and launch emails');
    await expect(row.getByTestId('package-price')).toHaveText('$499.00');
    await expect(row.getByTestId('package-status')).toHaveText('On sale');
    const { packages } = await call<{ packages: Array<{ paymentLinkUrl: string }> }>(server, 'revenue.packages', {});
    expect(packages[0]!.paymentLinkUrl).toMatch(/^https:\/\/buy\.stripe\.com\//);
    await expect(row.getByTestId('package-link')).toHaveText(packages[0]!.paymentLinkUrl);
    await expect(row.getByRole('button', { name: 'Copy the payment link of Launch kit' })).toBeEnabled();
    await page.getByTestId('packages').scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'revenue-packages');
  });
});

test('a price of zero is refused next to the price field and nothing is asked for', async ({ page, levqor }) => {
  test.setTimeout(60_000);
  await onRevenuePage(page, levqor, async (server, stripe) => {
    const form = await fillNewPackage(page, '0');
    const error = form.locator('.field', { has: page.getByLabel('Price') }).getByRole('alert');
    await expect(error).toHaveAttribute('data-field', 'priceMinor');
    await expect(error).toContainText('priceMinor');
    await expect(error).toContainText('must be more than zero');
    await expect(page.getByTestId('package-approval-waiting')).toHaveCount(0);

    const { approvals } = await call<{ approvals: unknown[] }>(server, 'approvals.list', {});
    expect(approvals).toEqual([]);
    expect(stripe.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });
});

test('a package on sale is changed and archived from the Revenue area, each behind a confirm and an approval', async ({ page, levqor }) => {
  test.setTimeout(60_000);
  await onRevenuePage(page, levqor, async (server) => {
    const approve = async (id: string) => call(server, 'approvals.approve', { id, reason: 'agreed' });
    // the one approval the page asked for, approved as the inbox would, then the page read again
    const approveTheOnePending = async () => {
      const { approvals } = await call<{ approvals: Array<{ id: string }> }>(server, 'approvals.list', { status: 'pending' });
      expect(approvals).toHaveLength(1);
      await approve(approvals[0]!.id);
      await page.reload();
    };
    const proposed = await call<{ id: string }>(server, 'revenue.proposePackage', { name: 'Launch kit', tier: 'starter', priceMinor: 49_900, currency: 'usd' });
    await approve(proposed.id);
    await page.reload();
    const row = page.getByTestId('package-row');
    await expect(row.getByTestId('package-status')).toHaveText('On sale');

    await row.getByRole('button', { name: 'Change price or name' }).click();
    const form = page.getByRole('form', { name: 'Change Launch kit' });
    await form.getByLabel('Price').fill('4.999');
    await form.getByRole('button', { name: 'Ask to change' }).click();
    await expect(form.locator('.field', { has: page.getByLabel('Price') }).getByRole('alert')).toContainText('has more than 2 decimal places for USD');
    await form.getByLabel('Price').fill('599');
    await form.getByRole('button', { name: 'Ask to change' }).click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog.getByTestId('package-change-what')).toHaveText('It changes: price $499.00 → $599.00.');
    await expect(dialog).toContainText('This moves money');
    await expect(dialog).toContainText('nothing changes in Stripe until you approve it');
    await keepScreenshot(page, 'revenue-package-change');
    await dialog.getByRole('button', { name: 'Ask to change' }).click();
    await expect(page.getByTestId('package-approval-waiting')).toContainText('The change to Launch kit waits for your approval');
    await expect(row.getByTestId('package-pending')).toBeVisible();
    await expect(row.getByTestId('package-price')).toHaveText('$499.00');

    // the waiting notice's link marks the change in the inbox, not the approval decided before it
    await page.getByTestId('package-approval-link').click();
    await expect(page.getByTestId('approvals-pending').locator('[data-status="pending"]')).toHaveAttribute('aria-current', 'true');
    await expect(page.getByTestId(`approval-${proposed.id}`)).toHaveAttribute('data-status', 'approved');
    await expect(page.getByTestId(`approval-${proposed.id}`)).not.toHaveAttribute('aria-current', 'true');
    await page.goBack();
    await expect(row.getByTestId('package-price')).toHaveText('$499.00');

    await approveTheOnePending();
    await expect(row.getByTestId('package-price')).toHaveText('$599.00');

    await row.getByRole('button', { name: 'Archive' }).click();
    await expect(dialog).toContainText('no one can buy it any more');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await row.getByRole('button', { name: 'Archive' }).click();
    await dialog.getByRole('button', { name: 'Ask to archive' }).click();
    await expect(page.getByTestId('package-approval-waiting')).toContainText('Archiving Launch kit waits for your approval');
    await approveTheOnePending();
    await expect(row.getByTestId('package-status')).toHaveText('Archived');
    await expect(row.getByRole('button', { name: 'Archive' })).toHaveCount(0);
  });
});
