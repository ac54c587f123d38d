import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { repoRoot, startLevqorServer, type LevqorServer } from './server-process';

export interface StartOptions {
  /** Extra environment for the server, e.g. `{ LEVQOR_LAUNCH_STAGE: 'post-launch' }`. */
  env?: Record<string, string>;
}

export interface Levqor {
  /** This test's data dir; every start() uses it, so a restart keeps the data. */
  dataDir: string;
  start(options?: StartOptions): Promise<LevqorServer>;
  /** Stops the running server (if any) and starts a new one on the same data dir. */
  restart(options?: StartOptions): Promise<LevqorServer>;
}

interface Fixtures {
  levqor: Levqor;
  /** A server started with the default environment. */
  server: LevqorServer;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  levqor: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'levqor-e2e-'));
    const started: LevqorServer[] = [];
    let current: LevqorServer | undefined;
    const start = async (options: StartOptions = {}) => {
      current = await startLevqorServer(dataDir, options.env);
      started.push(current);
      return current;
    };
    await use({
      dataDir,
      start,
      restart: async (options) => {
        await current?.stop();
        return start(options);
      },
    });
    for (const server of started) await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },

  server: async ({ levqor }, use) => {
    await use(await levqor.start());
  },
});

export { expect };

/** Opens the app through the printed link and waits until it has loaded its data. */
export async function openApp(page: Page, server: LevqorServer, area?: string): Promise<void> {
  await page.goto(server.accessUrl);
  // the page trades the token for a browser session and drops it from the address bar
  await expect(page).not.toHaveURL(/token=/);
  if (area) await page.goto(`${server.baseUrl}#/${area}`);
  await expect(page.getByRole('navigation', { name: 'Areas' })).toBeVisible();
  await expect(page.getByTestId('stage-badge')).toBeVisible();
}

/** An API call as the app's page makes it: its browser session in the header, its own origin. */
export async function callAsPage(page: Page, server: LevqorServer, procedure: string, data: unknown) {
  const session = await page.evaluate(() => localStorage.getItem('levqor.session'));
  return page.request.post(`${server.baseUrl}api/${procedure}`, {
    data,
    headers: { 'x-levqor-session': session ?? '', origin: server.baseUrl.replace(/\/$/, '') },
  });
}

/** A full-page screenshot kept as a test artifact in test-results/screenshots/. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  const dir = join(repoRoot, 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
