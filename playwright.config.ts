import { defineConfig } from '@playwright/test';
import { chromiumCandidate } from './tests/e2e/chromium';

/**
 * End to end: the built renderer in Debian's Chromium against `levqor serve` on a temporary
 * data dir (tests/e2e/fixtures.ts). A missing Chromium is handled in tests/e2e/global-setup.ts.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  globalSetup: './tests/e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: process.env.CI === 'true',
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 7_500 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 860 },
    colorScheme: 'dark',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumCandidate(),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
