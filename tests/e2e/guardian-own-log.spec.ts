import { callAsPage, expect, keepScreenshot, openApp, test } from './fixtures';

const minute = 60_000;

test('the app\u2019s own log lines do not count against its health: its retries are no anomaly, the error rate counts requests, and its errors are a signal of their own', async ({ page, levqor }) => {
  test.setTimeout(60_000);
  const server = await levqor.start({ env: { LEVQOR_DATABASE_URL: '' } });
  await openApp(page, server, 'guardian');
  const call = async (procedure: string, data: unknown) => {
    const res = await callAsPage(page, server, procedure, data);
    expect(res.ok(), `${procedure}: ${await res.text()}`).toBe(true);
    return res.json();
  };
  const now = Date.now();
  const rows: unknown[] = [];
  // the founder's site: requests two to three hours ago (the detectors' history), then 200 in the last half hour, one answered 503 (within its error budget)
  for (let i = 0; i < 300; i++) rows.push({ ts: now - 3 * 60 * minute + i * 12_000, level: 'info', source: 'site', message: 'GET /shop ok', endpoint: '/shop', method: 'GET', status: 200, duration_ms: 30 });
  for (let i = 0; i < 200; i++) rows.push({ ts: now - 30 * minute + i * 8_000, level: i === 100 ? 'error' : 'info', source: 'site', message: i === 100 ? 'GET /shop failed' : 'GET /shop ok', endpoint: '/shop', method: 'GET', status: i === 100 ? 503 : 200, duration_ms: 40 });
  // the app's own log (source app, as its log tee writes it): a remote it keeps retrying
  for (let i = 0; i < 120; i++) rows.push({ ts: now - 10 * minute + i * 4_000, level: 'warn', source: 'app', message: 'remote postgres: retrying' });
  for (let i = 0; i < 30; i++) rows.push({ ts: now - 10 * minute + i * 15_000, level: 'error', source: 'app', message: 'remote postgres: connect ECONNREFUSED 127.0.0.1:1' });
  await call('telemetry.ingest', { body: rows.map((r) => JSON.stringify(r)).join('\n') });
  await call('guardian.addMonitor', { type: 'internal', check: 'disk', minFreeMb: 0, name: 'data disk' });
  await call('guardian.check', {});
  expect((await call('telemetry.detect', {})).anomalies).toEqual([]);

  await page.reload();
  await expect(page.getByTestId('monitor-data disk').getByTestId('monitor-state')).toHaveText('UP');
  // no anomaly, no points lost
  await expect(page.getByTestId('tile-anomalies')).toContainText('0');
  await expect(page.getByTestId('guardian-score')).toHaveText('100');
  await expect(page.getByTestId('guardian-breakdown-empty')).toBeVisible();
  // the hourly error rate is 5xx answers per request of the founder's traffic, not error lines per log line
  await expect(page.getByTestId('tile-error-rate')).toContainText('0.5%');
  await expect(page.getByTestId('tile-error-rate')).toContainText('1 answered 5xx of 200 requests');
  // the app's own errors: said apart, with a way to them
  const own = page.getByTestId('tile-app-log');
  await expect(own).toContainText('30 errors');
  await expect(own).toContainText('Levqor X logged 30 errors and 120 warnings; not scored.');
  await keepScreenshot(page, 'guardian-own-log');
  await own.getByRole('link', { name: 'Open them in Telemetry' }).click();
  await expect(page).toHaveURL(/#\/telemetry\?source=app&levels=error%2Cfatal&range=1h$/);
  await expect(page.getByRole('searchbox', { name: 'Source' })).toHaveValue('app');
  await expect(page.getByRole('group', { name: 'Levels' }).getByRole('button', { name: 'error' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Time range')).toHaveValue('1h');
});
