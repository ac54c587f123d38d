import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { api, levqorCli } from './api';
import { chain } from '../helpers/workflows/documents';
import { startTargets } from './guardian-data';

/**
 * Every page writes a moment the same way, in the browser's locale and time zone: en-GB in
 * Kathmandu (UTC+5:45, so a page that ignored the zone shows another minute), the month as a
 * word, never an ISO string, never a day-first or month-first number date.
 */
const locale = 'en-GB';
const timezoneId = 'Asia/Kathmandu';
test.use({ locale, timezoneId });

const house = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone: timezoneId, day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit', ...options });
/** "7 Dec 2026, 14:05" */
const time = (at: number) => house({}).format(at);
/** "7 Dec 2026, 14:05:09" */
const exact = (at: number) => house({ second: '2-digit' }).format(at);
/** "7 Dec 2026, 14:05:09.123" */
const exactMs = (at: number) => house({ second: '2-digit', fractionalSecondDigits: 3 }).format(at);
/** "14:05:09" */
const clock = (at: number) => new Intl.DateTimeFormat(locale, { timeZone: timezoneId, hour: 'numeric', minute: '2-digit', second: '2-digit' }).format(at);

const isoLike = /\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?/;
const numericDate = /\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/;

/** The visible text of the main area: no ISO stamp, no number-only date. */
async function expectNoAmbiguousDates(page: Page): Promise<void> {
  const text = await page.getByRole('main').innerText();
  expect(text, 'an ISO date on the page').not.toMatch(isoLike);
  expect(text, 'a day-first or month-first number date on the page').not.toMatch(numericDate);
}

test('the same instant reads the same way on every page, in the browser locale and time zone', async ({ page, levqor }) => {
  test.setTimeout(90_000);
  const targets = await startTargets();
  try {
    // one telemetry row at a known instant, with milliseconds
    const at = Math.floor(Date.now() / 1000) * 1000 - 5 * 60_000 + 123;
    const seed = join(levqor.dataDir, 'one-row.ndjson');
    writeFileSync(seed, `${JSON.stringify({ ts: at, level: 'error', source: 'api', message: 'checkout exploded at a known instant' })}\n`);
    const ingest = levqorCli(levqor.dataDir, 'telemetry', 'ingest', seed);
    expect(ingest.code, ingest.stderr).toBe(0);

    const server = await levqor.start({ env: { LEVQOR_DATABASE_URL: '' } });
    const down = await api<{ id: string }>(server, 'guardian.addMonitor', { type: 'http', name: 'Checkout', url: targets.url('/down'), intervalSeconds: 3600, maintenance: [{ from: at, to: at + 60_000, reason: 'deploy' }] });
    const [checked] = (await api<{ monitors: Array<{ lastCheckAt: number; lastChangeAt: number; state: string }> }>(server, 'guardian.check', { id: down.id })).monitors;
    expect(checked!.state).toBe('DOWN');
    const wf = await api<{ id: string }>(server, 'workflows.import', { workflow: chain([{ id: 'note', type: 'log', params: { message: 'hello' } }], { name: 'Dated' }) });
    const run = await api<{ runId: string }>(server, 'workflows.run', { id: wf.id, wait: true });

    await openApp(page, server);

    // Settings: the browser session, signed in now and last used just now
    await page.goto(`${server.baseUrl}#/settings`);
    const session = (await api<{ sessions: Array<{ createdAt: number }> }>(server, 'sessions.list', {})).sessions[0]!;
    const row = page.getByTestId('session-row').first();
    await expect(row).toContainText(time(session.createdAt));
    await expect(row.getByTestId('session-last-used')).toHaveText(/just now|s ago/);
    await expectNoAmbiguousDates(page);

    // the workflow's versions
    const versions = (await api<{ versions: Array<{ savedAt: number }> }>(server, 'workflows.versions', { id: wf.id })).versions;
    await page.goto(`${server.baseUrl}#/workflows/${wf.id}`);
    await page.getByRole('tab', { name: /Versions/ }).click();
    await expect(page.getByTestId('version-1')).toContainText(time(versions[0]!.savedAt));
    await expectNoAmbiguousDates(page);

    // the run view: the heading's start and the log's times of day
    const detail = await api<{ startedAt: number; logs: Array<{ at: number }> }>(server, 'runs.get', { id: run.runId });
    await page.goto(`${server.baseUrl}#/workflows/${wf.id}/runs/${run.runId}`);
    await expect(page.getByRole('main')).toContainText(exact(detail.startedAt));
    await expect(page.getByRole('main')).toContainText(clock(detail.logs[0]!.at));
    await expectNoAmbiguousDates(page);

    // the telemetry row, to the millisecond
    await page.goto(`${server.baseUrl}#/telemetry`);
    await page.getByTestId('telemetry-row').filter({ hasText: 'checkout exploded' }).click();
    await expect(page.getByTestId('row-detail')).toContainText(exactMs(at));
    await expectNoAmbiguousDates(page);

    // Guardian: the monitor's last check, its maintenance window (the same instant as the row), and the score's evidence
    await page.goto(`${server.baseUrl}#/guardian`);
    const monitor = page.getByTestId('monitor-Checkout');
    await expect(monitor.getByTestId('monitor-checked')).toHaveText(/checked (just now|\d+ s ago)/);
    await monitor.locator('summary', { hasText: 'Actions' }).click();
    await monitor.getByRole('button', { name: /Maintenance/ }).click();
    await expect(monitor).toContainText(time(at));
    await expect(page.getByTestId('guardian-breakdown')).toContainText(`down since ${time(checked!.lastChangeAt)}`);
    await expectNoAmbiguousDates(page);
  } finally {
    await targets.close();
  }
});
