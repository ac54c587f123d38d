import { callAsPage, expect, keepScreenshot, openApp, test } from './fixtures';
import { ingestRows, trafficRows } from './guardian-data';

const rank = { page: 0, ticket: 1, warning: 2 } as const;

test('anomalies read in plain words, most severe first, a repeated message titled by its text; the partial last hour is marked, not drawn as a drop', async ({ page, levqor }) => {
  test.setTimeout(60_000);
  const server = await levqor.start({ env: { LEVQOR_DATABASE_URL: '' } });
  await openApp(page, server, 'telemetry');
  await ingestRows(page, server, trafficRows(Date.now()));
  await page.reload();
  await page.setViewportSize({ width: 1440, height: 900 });

  // the current hour is still filling: marked partial on every chart
  await page.getByRole('group', { name: 'Chart range' }).getByRole('button', { name: '7 d' }).click();
  for (const metric of ['volume', 'errors', 'p95']) {
    const chart = page.getByTestId(`telemetry-chart-${metric}`);
    await expect(chart.getByTestId('chart-partial')).toHaveText('· last hour partial');
    await expect(chart.locator('.recharts-reference-area')).toHaveCount(1);
  }

  await page.getByRole('tab', { name: 'Anomalies' }).click();
  await page.getByRole('button', { name: 'Run detectors now' }).click();
  const cards = page.getByTestId('telemetry-anomaly');
  await expect(cards.filter({ hasText: 'Repeated message' })).toHaveCount(1);
  const severities = await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-severity') as 'page' | 'ticket' | 'warning'));
  expect(severities.length).toBeGreaterThanOrEqual(3);
  expect(severities.map((s) => rank[s])).toEqual([...severities.map((s) => rank[s])].sort((a, b) => a - b));
  expect(new Set(severities).size).toBeGreaterThan(1);

  // named for people: kinds and figures in words; a repeated message by its text, never its fingerprint
  const list = page.getByRole('list', { name: 'Anomalies' });
  await expect(list).toContainText('Error burn rate');
  await expect(list).toContainText('Unusual latency');
  await expect(list).toContainText('error burn rate, last 5 min');
  for (const raw of ['burn_5m', 'requests_1h', 'robust z', 'p95Ms', 'baselineCount']) await expect(list).not.toContainText(raw);
  const { anomalies } = (await (await callAsPage(page, server, 'telemetry.anomalies', { kind: 'repeated_message', limit: 10 })).json()) as { anomalies: Array<{ subject: string }> };
  const repeated = cards.filter({ hasText: 'Repeated message' });
  await expect(repeated.getByTestId('anomaly-title')).toHaveText(/^\u201cPayment provider timeout for order \d+\u201d$/);
  await expect(repeated).not.toContainText(anomalies[0]!.subject);
  await keepScreenshot(page, 'telemetry-anomalies-words');
});
