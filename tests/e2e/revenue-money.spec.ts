import { spawnSync } from 'node:child_process';
import { formatMinorUnits } from '../../shared/money';
import { generateDataset, loadDataset, startFakeStripe } from '../helpers/stripe';
import { testKey } from '../helpers/stripe/keys';
import { expect, keepScreenshot, openApp, test } from './fixtures';
import { repoRoot } from './server-process';

/**
 * The Revenue area's money part from a seeded dataset on the local Stripe (Stripe's wire
 * format), synced through the real `stripe` client by the page's Sync now.
 */
test('the KPI tiles, the MRR movements chart and the customers come from the synced Stripe data', async ({ page, levqor }) => {
  test.setTimeout(60_000);
  const now = Math.floor(Date.now() / 1000);
  const stripe = await startFakeStripe({ now });
  try {
    loadDataset(stripe, generateDataset({ seed: 11, customers: 40, now }));
    // the dataset bills in USD and EUR: totals need the founder's rate
    const rates = spawnSync(process.execPath, ['bin/levqor.js', '--data-dir', levqor.dataDir, 'settings', 'set', 'revenue.rates', '{"eur": 1.1}'], { cwd: repoRoot, encoding: 'utf8' });
    expect(rates.status, rates.stderr).toBe(0);
    const server = await levqor.start({ env: { STRIPE_SECRET_KEY: testKey, LEVQOR_STRIPE_API_BASE: stripe.url } });
    await openApp(page, server, 'revenue');

    const sync = page.getByTestId('stripe-sync');
    await expect(sync.getByTestId('stripe-mode')).toHaveText('Test mode');
    await sync.getByRole('button', { name: 'Sync now' }).click();
    await expect(sync).toContainText('Stripe last synced');

    // the figures the procedure works out, as the CLI reads them from the same tables
    const cli = spawnSync(process.execPath, ['bin/levqor.js', '--data-dir', levqor.dataDir, 'revenue', 'metrics', '--json'], { cwd: repoRoot, encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    const metrics = JSON.parse(cli.stdout) as { currency: string; kpis: Record<string, { value: number | null }> };
    expect(metrics.kpis.mrr!.value).toBeGreaterThan(0);
    await expect(page.getByTestId('kpi-mrr').getByTestId('kpi-value')).toHaveText(formatMinorUnits(metrics.kpis.mrr!.value!, metrics.currency));
    await expect(page.getByTestId('kpi-arr').getByTestId('kpi-value')).toHaveText(formatMinorUnits(metrics.kpis.arr!.value!, metrics.currency));
    for (const tile of ['netNewMrr', 'customerChurnRate', 'arpa', 'ltv', 'oneOffRevenue']) await expect(page.getByTestId(`kpi-${tile}`)).toBeVisible();
    await expect(page.getByTestId('kpi-mrr')).toContainText('vs last month');

    // the movements chart draws its bars and the net line; MRR over 24 months its area
    const chart = page.getByTestId('movements');
    await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(chart.locator('.recharts-line path').first()).toBeVisible();
    await expect(page.getByTestId('mrr-over-time').locator('.recharts-area path').first()).toBeVisible();

    // the customers table, searched
    const customers = page.getByTestId('customers');
    await expect(customers.getByTestId('customer-row').first()).toBeVisible();
    const firstEmail = (await customers.getByTestId('customer-row').first().locator('td').nth(1).textContent())!;
    await customers.getByRole('searchbox', { name: 'Search customers' }).fill(firstEmail);
    await expect(customers.getByTestId('customer-row')).toHaveCount(1);
    await keepScreenshot(page, 'revenue-money');

    // the executive summary on the Guardian page shows the same MRR, marked as test mode
    await page.getByRole('link', { name: /Guardian/ }).first().click();
    const tile = page.getByTestId('tile-revenue');
    await expect(tile).toContainText(`${formatMinorUnits(metrics.kpis.mrr!.value!, metrics.currency)} MRR`);
    await expect(tile).toContainText('TEST MODE');
    await expect(tile).toContainText(/\d+ open DFY requests?/);
  } finally {
    await stripe.close();
  }
});
