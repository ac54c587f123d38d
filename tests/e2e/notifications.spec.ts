import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, keepScreenshot, openApp, test } from './fixtures';
import { repoRoot } from './server-process';

/**
 * Records what the page does with the browser's Notification API (constructions and
 * permission requests), passing everything through to the real one.
 */
function recordNotifications() {
  type Recorded = { title: string; body: string | undefined; tag: string | undefined; shown: Notification };
  const w = window as unknown as { __notices: Recorded[]; __permissionRequests: number; Notification: typeof Notification };
  const Real = window.Notification;
  w.__notices = [];
  w.__permissionRequests = 0;
  class Recording extends Real {
    constructor(title: string, options?: NotificationOptions) {
      super(title, options);
      w.__notices.push({ title, body: options?.body, tag: options?.tag, shown: this });
    }
  }
  Object.defineProperty(Recording, 'permission', { get: () => Real.permission });
  Object.defineProperty(Recording, 'requestPermission', {
    value: (...args: Parameters<typeof Notification.requestPermission>) => {
      w.__permissionRequests++;
      return Real.requestPermission(...args);
    },
  });
  w.Notification = Recording;
}

test('the founder allows notifications in the browser, and a Guardian DOWN alert arrives as a Web Notification that opens the Guardian', async ({ page, context, levqor }) => {
  test.setTimeout(60_000);
  let status = 200;
  const target = createServer((_req, res) => res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'boom'));
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(target.address() as AddressInfo).port}/health`;
  try {
    const add = spawnSync(process.execPath, ['bin/levqor.js', '--data-dir', levqor.dataDir, 'monitor', 'add', '--type', 'http', '--url', url, '--interval', '5', '--retries', '0', '--name', 'local-api'], { cwd: repoRoot, encoding: 'utf8' });
    expect(add.status, add.stderr).toBe(0);
    const server = await levqor.start();
    await page.addInitScript(recordNotifications);

    await openApp(page, server, 'settings');
    const state = page.getByTestId('notifications-state');
    await expect(state).toHaveAttribute('data-permission', 'default');
    await keepScreenshot(page, 'settings-notifications');
    // opening the app asks nothing
    expect(await page.evaluate(() => (window as unknown as { __permissionRequests: number }).__permissionRequests)).toBe(0);

    // the founder's click is what asks; the browser (here: the test) says yes
    await context.grantPermissions(['notifications'], { origin: server.baseUrl });
    await page.getByRole('button', { name: 'Show notifications in this browser' }).click();
    await expect(state).toHaveAttribute('data-permission', 'granted');
    await expect(state).toContainText('shows them');
    expect(await page.evaluate(() => (window as unknown as { __permissionRequests: number }).__permissionRequests)).toBe(1);

    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Guardian' }).click();
    const monitor = page.getByTestId('monitor-local-api');
    await page.getByRole('button', { name: 'Check now' }).click();
    await expect(monitor.getByTestId('monitor-state')).toHaveText('UP');
    status = 500;
    await page.getByRole('button', { name: 'Check now' }).click();
    await expect(monitor.getByTestId('monitor-state')).toHaveText('DOWN');

    const notices = () => page.evaluate(() => (window as unknown as { __notices: Array<{ title: string; body?: string; tag?: string }> }).__notices.map(({ title, body, tag }) => ({ title, body, tag })));
    await expect.poll(notices, { timeout: 10_000 }).toEqual([{ title: 'Monitor DOWN: local-api', body: expect.stringContaining('HTTP 500'), tag: expect.any(String) }]);

    // clicking the notification brings the tab to the Guardian
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Settings' }).click();
    await expect(page).toHaveURL(/#\/settings$/);
    await page.evaluate(() => (window as unknown as { __notices: Array<{ shown: Notification }> }).__notices[0]!.shown.dispatchEvent(new Event('click')));
    await expect(page).toHaveURL(/#\/guardian$/);
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Guardian');
  } finally {
    target.closeAllConnections();
    await new Promise((resolve) => target.close(resolve));
  }
});
