import { generateDataset, loadDataset, startFakeStripe } from '../helpers/stripe';
import { testKey } from '../helpers/stripe/keys';
import { expect, keepScreenshot, openApp, test } from './fixtures';

/**
 * The Stripe sync's progress bar while a first sync pages through every list of a slow local
 * Stripe, then "last synced"; a second sync more than 30 days after the newest event falls back
 * to a full pass and says so.
 */
test('the first sync shows its progress bar, then when it last synced and why the next pass was full', async ({ page, levqor }) => {
  test.setTimeout(90_000);
  // Stripe's history ends 40 days ago: its newest event is older than the 30 days Stripe keeps
  const now = Math.floor(Date.now() / 1000) - 40 * 86_400;
  const stripe = await startFakeStripe({ now, delayMs: 120 });
  try {
    loadDataset(stripe, generateDataset({ seed: 23, customers: 15, now }));
    const server = await levqor.start({ env: { STRIPE_SECRET_KEY: testKey, LEVQOR_STRIPE_API_BASE: stripe.url } });
    await openApp(page, server, 'revenue');

    const sync = page.getByTestId('stripe-sync');
    await expect(sync).toContainText('Stripe never synced yet');
    await sync.getByRole('button', { name: 'Sync now' }).click();
    const bar = sync.getByRole('progressbar', { name: 'Stripe sync progress' });
    await expect(bar).toBeVisible();
    await expect(bar).toHaveAttribute('aria-valuetext', /^\d+ of 11 Stripe lists done; [a-z ]+: \d+ so far \(Stripe does not say how many there are in all\)$/);
    await expect(sync.getByTestId('stripe-sync-progress')).toContainText('Full sync:');
    await keepScreenshot(page, 'revenue-sync-progress');

    await expect(sync).toContainText('Stripe last synced', { timeout: 60_000 });
    await expect(bar).toHaveCount(0);
    await expect(sync).toContainText('first sync');
    await expect(sync.getByTestId('stripe-full-pass')).toHaveCount(0);

    await sync.getByRole('button', { name: 'Sync now' }).click();
    await expect(sync.getByTestId('stripe-full-pass')).toHaveText('The last sync was a full sync: the last sync is older than the 30 days of events Stripe keeps.', { timeout: 60_000 });
  } finally {
    await stripe.close();
  }
});
