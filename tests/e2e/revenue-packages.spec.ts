import { expect, openApp, test } from './fixtures';
import { api as call } from './api';
import { startFakeStripe } from '../helpers/stripe';
import { testKey } from '../helpers/stripe/keys';

test('a DFY package goes on sale through an approval whose preview is the Stripe calls', async ({ page, levqor }) => {
  test.setTimeout(60_000);
  const stripe = await startFakeStripe();
  try {
    const server = await levqor.start({ env: { STRIPE_SECRET_KEY: testKey, LEVQOR_STRIPE_API_BASE: stripe.url } });
    await call(server, 'revenue.proposePackage', { name: 'Launch kit', tier: 'starter', priceMinor: 49_900, currency: 'usd', description: 'Landing page and launch emails' });
    expect(stripe.requests.filter((r) => r.method === 'POST')).toEqual([]);

    await openApp(page, server, 'approvals');
    const item = page.getByTestId('approvals-pending').locator('[data-status="pending"]');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('DFY package Launch kit (starter, $499.00)');
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

    const { packages } = await call<{ packages: Array<{ name: string; status: string; paymentLinkUrl: string }> }>(server, 'revenue.packages', {});
    expect(packages).toMatchObject([{ name: 'Launch kit', status: 'active', paymentLinkUrl: expect.stringMatching(/^https:\/\/buy\.stripe\.com\//) }]);
    expect(stripe.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/v1/products', '/v1/prices', '/v1/payment_links']);
  } finally {
    await stripe.close();
  }
});
