import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, keepScreenshot, openApp, test } from './fixtures';
import { repoRoot } from './server-process';

const total = 100_000;
/** Rows carrying the distinctive message: the text filter must find exactly these. */
const krakenRows = 137;
/** An error that bursts in the last 10 minutes only: the repeated-message detector must flag it. */
const burstRows = 60;
const endpoints = [
  ['GET', '/api/orders'],
  ['POST', '/api/checkout'],
  ['GET', '/api/products'],
  ['PUT', '/api/cart'],
] as const;

/**
 * 100k rows over the last three hours: mostly info, some warn/debug, ~10% error, 137 "kraken"
 * errors, and a burst of 60 "gateway meltdown" errors in the last 10 minutes.
 */
function writeSeed(file: string, now: number): { errors: number } {
  const lines: string[] = [];
  const regular = total - burstRows;
  const start = now - 3 * 3_600_000;
  const step = (3 * 3_600_000 - 60_000) / regular;
  const krakenEvery = Math.floor(total / krakenRows);
  let kraken = 0;
  for (let i = 0; i < regular; i++) {
    const ts = Math.round(start + i * step);
    const [method, endpoint] = endpoints[i % endpoints.length]!;
    const row: Record<string, unknown> = { ts, source: i % 3 === 0 ? 'site' : 'api', endpoint, method, trace_id: `trace-${i.toString(16).padStart(8, '0')}` };
    if (i % krakenEvery === 0 && kraken < krakenRows) {
      kraken++;
      Object.assign(row, { level: 'error', message: `kraken payment timeout for order ${i}`, status: 504, duration_ms: 3000 + (i % 500), meta: { order: i, gateway: 'kraken' } });
    } else if (i % 10 === 1) {
      Object.assign(row, { level: 'error', message: `${method} ${endpoint}/${i} failed with status 500`, status: 500, duration_ms: 40 + (i % 90) });
    } else if (i % 10 === 2) {
      Object.assign(row, { level: 'warn', message: `slow query on ${endpoint} took ${200 + (i % 300)} ms`, status: 200, duration_ms: 200 + (i % 300) });
    } else if (i % 20 === 3) {
      Object.assign(row, { level: 'debug', message: `cache miss for key user:${i}` });
    } else {
      Object.assign(row, { level: 'info', message: `${method} ${endpoint}/${i} ok`, status: 200, duration_ms: 5 + (i % 120) });
    }
    lines.push(JSON.stringify(row));
  }
  for (let k = 0; k < burstRows; k++) {
    lines.push(JSON.stringify({ ts: now - 9 * 60_000 + k * 5_000, level: 'error', source: 'api', message: `gateway meltdown in region ${k % 4}`, endpoint: '/api/checkout', method: 'POST', status: 502, duration_ms: 20 }));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { errors: lines.filter((l) => l.includes('"level":"error"')).length };
}

test('the telemetry area explores 100k rows, filters, groups and charts them', async ({ page, levqor }) => {
  test.setTimeout(60_000);
  const seed = join(levqor.dataDir, 'seed.ndjson');
  const { errors } = writeSeed(seed, Date.now());
  const ingest = spawnSync(process.execPath, ['bin/levqor.js', '--data-dir', levqor.dataDir, 'telemetry', 'ingest', seed], { cwd: repoRoot, encoding: 'utf8' });
  expect(ingest.status, ingest.stderr).toBe(0);

  const server = await levqor.start();
  await openApp(page, server, 'telemetry');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Telemetry');
  await expect(main).not.toContainText('Not built yet');

  // the remote strip says honestly that no remote Postgres is set up
  const strip = page.getByTestId('remote-strip');
  await expect(strip.getByTestId('remote-state')).toHaveText('Not configured');
  await expect(strip.getByRole('button', { name: 'Sync now' })).toBeDisabled();

  // the explorer renders the newest rows
  const list = page.getByRole('list', { name: 'Telemetry rows' });
  const rows = list.getByTestId('telemetry-row');
  await expect(rows.first()).toBeVisible();
  // the total of every row stored (the seed plus the server's own few log lines), not just those loaded
  await expect(page.getByTestId('telemetry-count')).toHaveText(/^100,0\d\d rows · 200 loaded, more load as you scroll$/);

  // the chart renders an svg path from telemetry.series (the first: the complete buckets; a dashed one marks the partial last)
  const volume = page.getByTestId('telemetry-chart-volume');
  await expect(volume.locator('svg path.recharts-area-curve').first()).toHaveAttribute('d', /^M/);
  await expect(page.getByTestId('telemetry-chart-p95').locator('svg path.recharts-area-curve').first()).toHaveAttribute('d', /^M/);
  await keepScreenshot(page, 'telemetry-explorer');

  // scroll deep: pages load by cursor while the DOM keeps only the visible rows
  for (let i = 0; i < 40; i++) {
    const loaded = Number(await list.getAttribute('data-count'));
    if (loaded >= 3_000) break;
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(async () => Number(await list.getAttribute('data-count'))).toBeGreaterThan(loaded);
  }
  expect(Number(await list.getAttribute('data-count'))).toBeGreaterThanOrEqual(3_000);
  const inDom = await rows.count();
  expect(inDom).toBeGreaterThan(5);
  expect(inDom).toBeLessThan(60);
  const deepIndex = Number(await list.locator('[data-index]').last().getAttribute('data-index'));
  expect(deepIndex).toBeGreaterThan(1_500);

  // a row's detail: meta JSON and trace id
  await rows.nth(3).click();
  const detail = page.getByTestId('row-detail');
  await expect(detail.getByTestId('row-trace-id')).toHaveText(/^trace-[0-9a-f]{8}$/);
  await detail.getByRole('button', { name: 'Close row detail' }).click();

  // level = error: only error rows
  await page.getByRole('group', { name: 'Levels' }).getByRole('button', { name: 'error' }).click();
  await expect(page.getByTestId('telemetry-count')).toHaveText(`${errors.toLocaleString('en-US')} rows match · 200 loaded, more load as you scroll`);
  await expect(rows.first()).toBeVisible();
  await expect(list.locator('.lvl').filter({ hasNotText: 'error' })).toHaveCount(0);

  // and text: exactly the kraken rows
  await page.getByRole('searchbox', { name: 'Search messages' }).fill('kraken');
  await expect(page.getByTestId('telemetry-count')).toHaveText(`${krakenRows} rows match`);
  await expect(rows.first()).toContainText('kraken payment timeout');
  await rows.first().click();
  await expect(page.getByTestId('row-meta')).toContainText('"gateway": "kraken"');
  await page.evaluate(() => window.scrollTo(0, 0));
  await keepScreenshot(page, 'telemetry-filtered');

  // groups: the kraken fingerprint has its count; a click filters the explorer by it
  await page.getByRole('tab', { name: 'Groups' }).click();
  const groups = page.getByRole('table', { name: 'Fingerprint groups' });
  await expect(groups.getByTestId('telemetry-group').first()).toBeVisible();
  const krakenGroup = groups.getByTestId('telemetry-group').filter({ hasText: 'kraken payment timeout' });
  await expect(krakenGroup).toContainText(String(krakenRows));
  await keepScreenshot(page, 'telemetry-groups');
  await krakenGroup.getByRole('button').click();
  await expect(page.getByRole('tab', { name: 'Explorer' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('searchbox', { name: 'Fingerprint' })).not.toHaveValue('');
  await expect(page.getByTestId('telemetry-count')).toHaveText(`${krakenRows} rows match`);

  // anomalies and the daily report answer with real (possibly empty) data
  await page.getByRole('tab', { name: 'Anomalies' }).click();
  await page.getByRole('button', { name: 'Run detectors now' }).click();
  const burst = page.getByTestId('telemetry-anomaly').filter({ hasText: 'gateway meltdown' });
  await expect(burst).toContainText('Repeated message');
  await expect(burst).toContainText('ticket');
  // the figures behind it are named in words, not by their keys
  await expect(burst.locator('.numbers__item').filter({ hasText: /^times in the window/ })).toHaveText(`times in the window${burstRows}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await keepScreenshot(page, 'telemetry-anomalies');
  await page.getByRole('tab', { name: 'Daily report' }).click();
  const report = page.getByTestId('telemetry-report');
  await expect(report).toBeVisible();
  await page.getByLabel('Day (UTC)').fill(new Date().toISOString().slice(0, 10));
  await expect(report.locator('.stat__value').first()).not.toHaveText('0');
  await keepScreenshot(page, 'telemetry-report');

  // live: rows POSTed now announce themselves in the explorer
  await page.getByRole('tab', { name: 'Explorer' }).click();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  const body = Array.from({ length: 25 }, (_, i) => JSON.stringify({ level: 'warn', message: `phoenix rising ${i}`, source: 'e2e' })).join('\n');
  const res = await fetch(`${server.baseUrl}ingest/telemetry`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${server.token}` }, body });
  expect(res.status).toBe(200);
  await page.getByRole('button', { name: 'New rows arrived · Refresh' }).click();
  await page.getByRole('searchbox', { name: 'Search messages' }).fill('phoenix');
  await expect(page.getByTestId('telemetry-count')).toHaveText('25 rows match');
});

test('with no telemetry the area says how to send some, then shows rows as they arrive', async ({ page, levqor }) => {
  // warn: the server's own start-up lines are not logged, so nothing at all is stored
  const server = await levqor.start({ env: { LEVQOR_LOG_LEVEL: 'warn' } });
  await openApp(page, server, 'telemetry');
  const empty = page.getByTestId('telemetry-empty');
  await expect(empty.getByRole('heading', { name: 'No telemetry yet' })).toBeVisible();
  await expect(empty).toContainText('levqor telemetry ingest');
  await expect(empty).toContainText('/ingest/telemetry');
  await expect(page.getByTestId('telemetry-row')).toHaveCount(0);
  await keepScreenshot(page, 'telemetry-empty');

  const body = JSON.stringify([
    { level: 'error', message: 'first real error', endpoint: '/api/orders', method: 'GET', status: 503, duration_ms: 812, trace_id: 'abc123', meta: { region: 'eu' } },
    { level: 'info', message: 'first real info' },
  ]);
  const res = await fetch(`${server.baseUrl}ingest/telemetry`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` }, body });
  expect(res.status).toBe(200);
  await expect(empty).toHaveCount(0);
  await expect(page.getByTestId('telemetry-row')).toHaveCount(2);
  await expect(page.getByTestId('telemetry-count')).toHaveText('2 rows');
});
