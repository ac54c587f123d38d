import type { Page } from '@playwright/test';
import { expect, keepScreenshot, openApp, test } from './fixtures';
import { seedRealistic, seedScoreHistory, startTargets } from './guardian-data';
import type { LevqorServer } from './server-process';

/** A realistic install (guardian-data.ts) opened on the Guardian page, every part loaded. */
async function openSeeded(page: Page, levqor: { dataDir: string; start(): Promise<LevqorServer> }, targets: { url(path: string): string }): Promise<LevqorServer> {
  seedScoreHistory(levqor.dataDir, Date.now());
  const server = await levqor.start();
  await openApp(page, server);
  await seedRealistic(page, server, targets);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Areas' })).toBeVisible();
  await expect(page.getByTestId('monitor-Checkout API').getByTestId('monitor-state')).toHaveText('DOWN');
  await expect(page.getByTestId('monitor-Storefront').getByTestId('monitor-state')).toHaveText('UP');
  await expect(page.getByTestId('guardian-healing-plan')).toContainText('Re-check "Checkout API" now');
  await expect(page.getByTestId('guardian-history').locator('.recharts-line-curve').first()).toBeVisible();
  return server;
}

/** Runs `body` on a realistic install opened on the Guardian page; its HTTP targets close afterwards. */
async function onSeeded(page: Page, levqor: { dataDir: string; start(): Promise<LevqorServer> }, body: () => Promise<void>): Promise<void> {
  const targets = await startTargets();
  try {
    await openSeeded(page, levqor, targets);
    await body();
  } finally {
    await targets.close();
  }
}

test('the Guardian page puts the live monitors first and keeps a realistic install far below the 4,600 px (1440×900) and 6,300 px (1280×720) it took', async ({ page, levqor }) => {
  test.setTimeout(120_000);
  await onSeeded(page, levqor, async () => {
    for (const [width, height, most] of [
      [1440, 900, 3_000],
      [1280, 720, 3_300],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.evaluate(() => window.scrollTo(0, 0));
      const tall = await page.evaluate(() => document.body.scrollHeight);
      test.info().annotations.push({ type: 'height', description: `${width}×${height}: document.body.scrollHeight ${tall}px` });
      console.log(`Guardian page at ${width}×${height}: document.body.scrollHeight = ${tall}px`);
      await keepScreenshot(page, `guardian-realistic-${width}x${height}`);
      const monitors = (await page.getByTestId('guardian-monitors').boundingBox())!;
      const score = (await page.getByTestId('guardian-gauge').boundingBox())!;
      expect(monitors.y, 'the monitors come before the score').toBeLessThan(score.y);
      expect(monitors.y, 'the monitors start on the first screen').toBeLessThan(height - 200);
      expect(tall).toBeLessThan(most);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling').toBeLessThanOrEqual(width);
    }
  });
});

test('the Guardian trend charts share one time axis: the same window, the same ticks in the same places', async ({ page, levqor }) => {
  test.setTimeout(120_000);
  await onSeeded(page, levqor, async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const response = page.getByTestId('trend-chart-response');
    // the time axis' labels (the value axis' are anchored at their end)
    await expect(response.locator('text.recharts-cartesian-axis-tick-value[text-anchor="middle"]').first()).toBeVisible();
    for (const window of ['24 h', '7 d', '30 d']) {
      await page.getByTestId('guardian-window').getByRole('button', { name: window }).click();
      await expect(page.getByTestId('guardian-window').getByRole('button', { name: window })).toHaveAttribute('aria-pressed', 'true');
      // every chart on the page, the trends and each monitor's response times, reads one window (read at one moment: live events move it on)
      const windows = () =>
        page.evaluate(() => [...document.querySelectorAll('[data-testid="trend-chart-score"], [data-testid="trend-chart-response"], [data-testid="monitor-response-chart"]')].map((el) => `${el.getAttribute('data-from')}-${el.getAttribute('data-to')}`));
      await expect.poll(async () => new Set(await windows()).size).toBe(1);
      expect((await windows()).length).toBe(2 + (await page.getByTestId('monitor-response-chart').count()));
      const [from, to] = (await windows())[0]!.split('-').map(Number) as [number, number];
      expect(to - from).toBe({ '24 h': 1, '7 d': 7, '30 d': 30 }[window]! * 86_400_000);
      // the time axis' labels say the same times at the same places in both charts
      const axes = () =>
        page.evaluate(() =>
          ['trend-chart-score', 'trend-chart-response'].map((id) =>
            [...document.querySelectorAll(`[data-testid="${id}"] text.recharts-cartesian-axis-tick-value[text-anchor="middle"]`)].map((t) => `${t.textContent}@${Math.round(t.getBoundingClientRect().x)}`),
          ),
        );
      await expect.poll(async () => {
        const [a, b] = await axes();
        return a!.length >= 2 && JSON.stringify(a) === JSON.stringify(b);
      }).toBe(true);
    }
  });
});

test('the healing plan links a step done by hand to where it is done, and names anomalies in words', async ({ page, levqor }) => {
  test.setTimeout(120_000);
  await onSeeded(page, levqor, async () => {
    // anomalies by their kind in words and what they are about, never a fingerprint
    const breakdown = page.getByTestId('guardian-breakdown');
    await expect(breakdown).toContainText('Repeated message: \u201cPayment provider timeout for order');
    await expect(breakdown).not.toContainText(/\b[0-9a-f]{16,}\b/);
    await expect(page.getByTestId('tile-anomalies')).not.toContainText(/\b[0-9a-f]{16,}\b/);

    const plan = page.getByTestId('guardian-healing-plan');
    const more = plan.getByRole('button', { name: /^Show all \d+ steps$/ });
    if (await more.isVisible()) await more.click();
    await expect(plan).not.toContainText('(open Telemetry)');
    const review = plan.locator('.gstep').filter({ hasText: 'Review the repeated message \u201cPayment provider timeout' });
    const link = review.getByRole('link', { name: 'Open it in Telemetry' });
    await expect(link).toHaveAttribute('href', '#/telemetry?tab=anomalies&kind=repeated_message');
    const errors = plan.locator('.gstep').filter({ hasText: 'Look into the errors on POST /api/checkout' });
    await expect(errors.getByRole('link', { name: 'Open its errors in Telemetry' })).toHaveAttribute('href', /^#\/telemetry\?endpoint=%2Fapi%2Fcheckout&levels=error%2Cfatal$/);

    await link.click();
    await expect(page.getByRole('tab', { name: 'Anomalies' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByLabel('Anomaly kind')).toHaveValue('repeated_message');
    await expect(page.getByTestId('telemetry-anomaly').first().getByTestId('anomaly-title')).toContainText('Payment provider timeout for order');
    await page.goBack();
    await errors.getByRole('link', { name: 'Open its errors in Telemetry' }).click();
    await expect(page.getByRole('tab', { name: 'Explorer' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('searchbox', { name: 'Endpoint' })).toHaveValue('/api/checkout');
  });
});
