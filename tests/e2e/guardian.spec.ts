import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, keepScreenshot, openApp, test } from './fixtures';
import { repoRoot } from './server-process';

/** A local HTTP target whose status the test flips. */
async function startTarget(): Promise<{ server: Server; url: string; setStatus(status: number): void }> {
  let status = 200;
  const server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'text/plain' });
    res.end(status === 200 ? 'ok' : 'boom');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/health`, setStatus: (s) => (status = s) };
}

test('the Guardian home shows the score, a monitor going DOWN and the score dropping', async ({ page, levqor }) => {
  test.setTimeout(60_000);
  const target = await startTarget();
  try {
    const add = spawnSync(process.execPath, ['bin/levqor.js', '--data-dir', levqor.dataDir, 'monitor', 'add', '--type', 'http', '--url', target.url, '--interval', '5', '--retries', '0', '--name', 'local-api'], { cwd: repoRoot, encoding: 'utf8' });
    expect(add.status, add.stderr).toBe(0);
    const server = await levqor.start();

    await openApp(page, server);
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1 })).toHaveText('Guardian');
    await expect(main).not.toContainText('Not built yet');

    const monitor = page.getByTestId('monitor-local-api');
    await page.getByRole('button', { name: 'Check now' }).click();
    await expect(monitor.getByTestId('monitor-state')).toHaveText('UP');
    await expect(page.getByTestId('guardian-score')).toHaveText('100');
    await expect(page.getByTestId('tile-monitors-up')).toHaveText('1');
    await expect(page.getByTestId('tile-monitors-down')).toHaveText('0');
    // no backup plan and no remote: said plainly, not scored
    await expect(page.getByTestId('guardian-not-assessed')).toContainText('there is no backup plan yet');
    await expect(page.getByTestId('tile-backup')).toContainText('Not configured');
    await expect(page.getByTestId('tile-sync')).toContainText('Not configured');
    await expect(page.getByTestId('guardian-history-empty')).toBeVisible();

    target.setStatus(500);
    await page.getByRole('button', { name: 'Check now' }).click();
    await expect(monitor.getByTestId('monitor-state')).toHaveText('DOWN');
    await expect(monitor).toContainText('500');
    await expect(page.getByTestId('tile-monitors-down')).toHaveText('1');
    const breakdown = page.getByTestId('guardian-breakdown');
    const down = breakdown.locator('[data-kind="monitor_down"]');
    await expect(down).toContainText('monitor down');
    await expect(down).toContainText('local-api');
    const points = Number((await down.locator('.gbreak__points').innerText()).replace(/[^\d]/g, ''));
    expect(points).toBeGreaterThan(0);
    await expect(page.getByTestId('guardian-score')).toHaveText(String(100 - points));

    // the healing plan proposes a re-check; requesting it asks for an approval, it applies nothing by itself
    const plan = page.getByTestId('guardian-healing-plan');
    const step = plan.locator('.gstep').filter({ hasText: 'Re-check "local-api" now' });
    await step.getByRole('button', { name: 'Request approval' }).click();
    await expect(step.getByTestId('healing-waiting')).toContainText('Waiting for approval');
    await expect(step.getByRole('link', { name: 'Open the inbox' })).toHaveAttribute('href', '#/approvals');
    await expect(page.getByRole('navigation', { name: 'Areas' }).getByTestId('approvals-badge')).toHaveText('1');
    await expect(monitor.getByTestId('monitor-state')).toHaveText('DOWN');
    await expect(page.getByTestId('guardian-top-issues')).toContainText('local-api');

    // tall enough that the whole page fits: the sticky header stays at the top of the picture
    await page.setViewportSize({ width: 1280, height: 1500 });
    await keepScreenshot(page, 'guardian-home');

    // live: the server's own 5 s checks bring it back UP; the page follows from the events alone
    target.setStatus(200);
    await expect(monitor.getByTestId('monitor-state')).toHaveText('UP', { timeout: 15_000 });
    await expect(page.getByTestId('guardian-score')).toHaveText('100');
    await expect(page.getByTestId('tile-monitors-up')).toHaveText('1');
    await expect(page.getByTestId('guardian-breakdown-empty')).toBeVisible();

    // the requested re-check waits in the inbox with its evidence; approving it applies it
    await page.goto(`${server.baseUrl}#/approvals`);
    const item = page.getByTestId('approvals-pending').locator('[data-status="pending"]');
    await expect(item.getByTestId('approval-subject')).toContainText('Healing action · Re-check "local-api" now');
    await expect(item.getByTestId('approval-evidence')).toContainText('HTTP 500');
    await expect(item.getByTestId('approval-effect')).toContainText('Confirms whether the outage is still going on');
    await expect(item.getByRole('link', { name: 'Open Guardian' })).toHaveAttribute('href', '#/guardian');
    await item.getByRole('button', { name: 'Approve' }).click();
    await item.getByRole('button', { name: 'Confirm approve' }).click();
    const decided = page.getByTestId('approvals-decided').locator('[data-status="approved"]');
    await expect(decided.getByTestId('approval-outcome')).toHaveText('re-checked: "local-api" is UP: HTTP 200', { timeout: 15_000 });
  } finally {
    target.server.closeAllConnections();
    await new Promise((resolve) => target.server.close(resolve));
  }
});

test('the new-monitor form learns each type and its fields from guardian.monitorTypes, and its command adds the monitor', async ({ page, levqor }) => {
  const server = await levqor.start({ env: { LEVQOR_DATABASE_URL: '' } });
  const described = page.waitForResponse((r) => r.url().endsWith('/api/guardian.monitorTypes'));
  await openApp(page, server, 'guardian');
  const { monitorTypes } = (await (await described).json()) as { monitorTypes: Array<{ type: string; label: string; ui: Record<string, { label: string }> }> };
  expect(monitorTypes.map((t) => t.type)).toEqual(expect.arrayContaining(['http', 'postgres', 'push', 'internal']));

  await page.getByRole('button', { name: 'Add a monitor' }).click();
  const form = page.getByTestId('monitor-form');
  await expect(form.getByLabel('Type').locator('option')).toHaveText(monitorTypes.map((t) => t.label));
  // switching the type shows that type's own fields, and only those
  const settings = form.getByTestId('monitor-form-settings');
  for (const t of monitorTypes) {
    await form.getByLabel('Type').selectOption(t.type);
    await expect(settings).toHaveAttribute('data-type', t.type);
    const shown = settings.locator('[data-testid^="monitor-field-"]');
    await expect(shown).toHaveCount(Object.keys(t.ui).length);
    for (const [key, hint] of Object.entries(t.ui)) await expect(settings.getByTestId(`monitor-field-${key}`)).toContainText(hint.label);
  }

  await form.getByLabel('Type').selectOption('http');
  await expect(form.getByTestId('monitor-command-missing')).toBeVisible();
  await form.getByLabel('URL').fill('https://example.com/health');
  await form.getByLabel('Check every (seconds)').fill('soon');
  await expect(form.getByTestId('monitor-field-intervalSeconds')).toContainText('must be a number');
  await form.getByLabel('Check every (seconds)').fill('');
  await expect(form.getByTestId('monitor-command')).toHaveText('levqor monitor add --type http --url https://example.com/health');

  await form.getByLabel('Type').selectOption('internal');
  await form.getByTestId('monitor-field-check').getByRole('combobox').selectOption('disk');
  await form.getByLabel('Min free MB').fill('0');
  await form.getByLabel('Name').fill('data disk');
  const command = form.getByTestId('monitor-command');
  await expect(command).toHaveText("levqor monitor add --type internal --check disk --min-free-mb 0 --name 'data disk'");
  // tall enough that the whole page fits: the sticky header stays at the top of the picture
  await page.setViewportSize({ width: 1280, height: 1700 });
  await keepScreenshot(page, 'guardian-monitor-form');

  // the command the form wrote is one the command line takes
  const run = spawnSync('sh', ['-c', (await command.innerText()).replace(/^levqor /, `"${process.execPath}" bin/levqor.js --data-dir '${levqor.dataDir}' `)], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, LEVQOR_DATABASE_URL: '' } });
  expect(run.status, run.stderr).toBe(0);
  await page.getByRole('button', { name: 'Check now' }).click();
  const monitor = page.getByTestId('monitor-data disk');
  await expect(monitor.getByTestId('monitor-state')).toHaveText('UP');
  await expect(monitor).toContainText('disk');
});
