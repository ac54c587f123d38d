import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, keepScreenshot, openApp, test } from './fixtures';
import { api, levqorCli } from './api';
import { chain } from '../helpers/workflows/documents';
import { backgroundLuminance, contrastOf } from './contrast';
import type { LevqorServer } from './server-process';

/** Body text and the charts' and canvas' labels read at WCAG AA (4.5:1) in both themes. */
const bodyText = 4.5;

async function expectReadable(page: Page, server: LevqorServer, workflowId: string, scheme: 'light' | 'dark'): Promise<void> {
  const main = page.getByRole('main');
  const nav = page.getByRole('navigation', { name: 'Areas' });

  await page.goto(`${server.baseUrl}#/guardian`);
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Guardian');
  const page_ = await backgroundLuminance(page.locator('body'));
  if (scheme === 'light') expect(page_, 'the page is light').toBeGreaterThan(0.8);
  else expect(page_, 'the page is dark').toBeLessThan(0.05);
  expect(await contrastOf(main.getByRole('heading', { level: 1 })), 'the page title').toBeGreaterThanOrEqual(bodyText);
  expect(await contrastOf(main.locator('.muted').first()), 'muted text').toBeGreaterThanOrEqual(bodyText);
  expect(await contrastOf(nav.locator('.sidebar__label').first()), 'a sidebar link').toBeGreaterThanOrEqual(bodyText);

  // a chart's axis labels (recharts draws them as SVG text)
  await page.goto(`${server.baseUrl}#/telemetry`);
  const tick = main.locator('.recharts-cartesian-axis-tick-value').first();
  await expect(tick).toBeVisible();
  expect(await contrastOf(tick), 'a chart axis label').toBeGreaterThanOrEqual(bodyText);
  expect(await contrastOf(main.getByTestId('telemetry-row').first().locator('.trow__msg')), 'a log line').toBeGreaterThanOrEqual(bodyText);

  // the workflow canvas: the pane follows the theme, a node's name reads on it
  await page.goto(`${server.baseUrl}#/workflows/${workflowId}`);
  const node = page.getByTestId('node-note');
  await expect(node).toBeVisible();
  const pane = await backgroundLuminance(page.locator('.react-flow'));
  if (scheme === 'light') expect(pane, 'the canvas is light').toBeGreaterThan(0.8);
  else expect(pane, 'the canvas is dark').toBeLessThan(0.05);
  expect(await contrastOf(node.locator('.fc-node__title')), 'a node name').toBeGreaterThanOrEqual(bodyText);
  await keepScreenshot(page, `theme-${scheme}-canvas`);
}

test('the app follows the OS colour scheme, light or dark, and stays readable in both', async ({ page, levqor }) => {
  test.setTimeout(60_000);
  const now = Date.now();
  const seed = join(levqor.dataDir, 'rows.ndjson');
  writeFileSync(seed, Array.from({ length: 40 }, (_, i) => JSON.stringify({ ts: now - i * 60_000, level: i % 5 ? 'info' : 'error', source: 'api', message: `request ${i}` })).join('\n') + '\n');
  const ingest = levqorCli(levqor.dataDir, 'telemetry', 'ingest', seed);
  expect(ingest.code, ingest.stderr).toBe(0);
  const server = await levqor.start();
  const wf = await api<{ id: string }>(server, 'workflows.import', { workflow: chain([{ id: 'note', type: 'log', params: { message: 'hello' } }], { name: 'Themed' }) });

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page, server);
  await expectReadable(page, server, wf.id, 'light');
  await page.goto(`${server.baseUrl}#/guardian`);
  await keepScreenshot(page, 'theme-light-guardian');

  // the OS switching back is followed live, without a reload
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectReadable(page, server, wf.id, 'dark');
  await page.goto(`${server.baseUrl}#/guardian`);
  await keepScreenshot(page, 'theme-dark-guardian');
});
