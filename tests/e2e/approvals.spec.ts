import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, keepScreenshot, openApp, test } from './fixtures';
import { repoRoot, type LevqorServer } from './server-process';
import { goodToken, startFakeDrive } from '../helpers/drive-server';

/** manual → transform → approval ("Ship it?") → log; `approval` adds the gate's own settings (e.g. a timeout). */
function shipWorkflow(name: string, message: string, approval?: Record<string, unknown>) {
  return {
    name,
    trigger: { type: 'manual' },
    nodes: [
      { id: 'build', type: 'transform', params: { expression: '{ "version": "1.2.0", "channel": "stable" }' } },
      { id: 'gate', type: 'approval', params: { message }, ...(approval ? { approval } : {}) },
      { id: 'announce', type: 'log', params: { message: 'shipped {{ steps.build.output.version }}' } },
    ],
    edges: [
      { from: 'build', to: 'gate' },
      { from: 'gate', to: 'announce' },
    ],
  };
}

function cli(dataDir: string, ...args: string[]): string {
  const out = spawnSync(process.execPath, ['bin/levqor.js', '--data-dir', dataDir, ...args], { cwd: repoRoot, encoding: 'utf8' });
  expect(out.status, out.stderr).toBe(0);
  return out.stdout;
}

/** Imports the workflow and runs it with the CLI until it waits for its approval; returns the run id. */
function seedWaitingRun(dataDir: string, doc: object): string {
  const file = join(dataDir, `wf-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(doc));
  const { id } = JSON.parse(cli(dataDir, 'workflow', 'import', file, '--json')) as { id: string };
  const run = JSON.parse(cli(dataDir, 'workflow', 'run', id, '--wait', '--json')) as { runId: string; status: string };
  expect(run.status).toBe('waiting');
  return run.runId;
}

async function call<T>(server: LevqorServer, procedure: string, input: unknown): Promise<T> {
  const res = await fetch(`${server.baseUrl}api/${procedure}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

function badge(page: Page) {
  return page.getByRole('navigation', { name: 'Areas' }).getByTestId('approvals-badge');
}

test('a waiting approval shows in the sidebar badge, is approved from the inbox and its run completes', async ({ page, levqor }) => {
  test.setTimeout(60_000);
  const runId = seedWaitingRun(levqor.dataDir, shipWorkflow('Ship the release', 'Ship it?'));
  const server = await levqor.start();

  await openApp(page, server);
  await expect(badge(page)).toHaveText('1');
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: /^Approvals/ }).click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Approvals');
  await expect(main).not.toContainText('Not built yet');

  const pending = page.getByTestId('approvals-pending');
  const item = pending.locator('[data-status="pending"]');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Ship it?');
  await expect(item).toContainText('Ship the release');
  await expect(item).toContainText('gate');
  await expect(item.getByTestId('approval-class')).toHaveText('Class C');
  await expect(item.getByTestId('approval-time-left')).toHaveText('no timeout');
  await expect(item.getByTestId('approval-preview-fields')).toContainText('Ship it?');
  await item.getByRole('button', { name: 'Show raw JSON' }).click();
  await expect(item.getByTestId('approval-preview')).toContainText('"message": "Ship it?"');
  await expect(item).toContainText('Pre-launch');

  await item.getByRole('button', { name: 'Approve' }).click();
  await item.getByRole('textbox', { name: 'Reason' }).fill('release notes checked');
  await item.getByRole('button', { name: 'Confirm approve' }).click();

  await expect(badge(page)).toHaveCount(0);
  await expect(page.getByTestId('approvals-empty')).toContainText('Nothing waits for you');
  const decided = page.getByTestId('approvals-decided').locator('[data-status="approved"]');
  await expect(decided).toContainText('Ship it?');
  await expect(decided.getByTestId('approval-status')).toHaveText('Approved');
  await expect(decided).toContainText('release notes checked');

  await expect.poll(async () => (await call<{ status: string }>(server, 'runs.get', { id: runId })).status, { timeout: 15_000 }).toBe('succeeded');
});

test('rejecting an approval ends its run as rejected; the other request keeps waiting with its countdown', async ({ page, levqor }) => {
  test.setTimeout(60_000);
  const rejected = seedWaitingRun(levqor.dataDir, shipWorkflow('Refund order 1042', 'Refund 49 EUR to order 1042?'));
  seedWaitingRun(levqor.dataDir, shipWorkflow('Ship the release', 'Ship it?', { timeout: '2h', onTimeout: 'reject' }));
  const server = await levqor.start();

  await openApp(page, server, 'approvals');
  await expect(badge(page)).toHaveText('2');
  const pending = page.getByTestId('approvals-pending').locator('[data-status="pending"]');
  await expect(pending).toHaveCount(2);
  const ship = pending.filter({ hasText: 'Ship it?' });
  await expect(ship.getByTestId('approval-time-left')).toHaveText(/^1h 5\dm left$/);
  await expect(ship).toContainText('rejects the step');

  const refund = pending.filter({ hasText: 'Refund 49 EUR' });
  await refund.getByRole('button', { name: 'Reject' }).click();
  await refund.getByRole('textbox', { name: 'Reason' }).fill('customer already refunded by hand');
  await refund.getByRole('button', { name: 'Confirm reject' }).click();

  await expect(badge(page)).toHaveText('1');
  await expect(pending).toHaveCount(1);
  const decided = page.getByTestId('approvals-decided').locator('[data-status="rejected"]');
  await expect(decided.getByTestId('approval-status')).toHaveText('Rejected');
  await expect(decided).toContainText('customer already refunded by hand');

  await expect.poll(async () => (await call<{ status: string }>(server, 'runs.get', { id: rejected })).status, { timeout: 15_000 }).toBe('rejected');

  await page.setViewportSize({ width: 1280, height: 820 });
  await keepScreenshot(page, 'approvals-inbox');
});

test('a pre-launch Drive upload is approved from the inbox: it goes to Drive and Launches shows it uploaded', async ({ page, levqor }) => {
  test.setTimeout(60_000);
  const drive = await startFakeDrive();
  try {
    const slug = 'gated-kit';
    const server = await levqor.start({ env: { LEVQOR_DRIVE_ROOT_URL: drive.url, LEVQOR_DRIVE_CREDENTIALS: JSON.stringify({ access_token: goodToken }) } });
    await call(server, 'products.create', { slug, name: 'Gated Kit', price: 9, description: 'A kit behind an approval.', tags: ['kit'] });
    mkdirSync(join(levqor.dataDir, 'products', slug), { recursive: true });
    writeFileSync(join(levqor.dataDir, 'products', slug, 'guide.md'), '# Gated\n'.repeat(100));
    const compiled = await call<{ upload: { status: string; approvalId: string } }>(server, 'products.compile', { slug, upload: true });
    expect(compiled.upload.status).toBe('needs-approval');
    expect(drive.requests).toEqual([]);

    await openApp(page, server, 'launches');
    const row = page.getByRole('main').getByTestId(`product-row-${slug}`);
    await expect(row.getByTestId('upload-state')).toContainText('waiting for approval');
    await expect(badge(page)).toHaveText('1');

    await page.goto(`${server.baseUrl}#/approvals`);
    const item = page.getByTestId(`approval-${compiled.upload.approvalId}`);
    await expect(item.getByTestId('approval-subject')).toContainText(`Drive upload · Upload ${slug}-1.0.0.zip to Google Drive`);
    await expect(item.getByRole('link', { name: 'Open Launches' })).toHaveAttribute('href', '#/launches');
    await expect(item.getByTestId('approval-class')).toHaveText('Class B');
    await expect(item.getByTestId('approval-preview-fields')).toContainText('Supports all drives');
    await item.getByRole('button', { name: 'Show raw JSON' }).click();
    await expect(item.getByTestId('approval-preview')).toContainText('"supportsAllDrives": true');
    await expect(item).toContainText('rejects it: nothing is sent');
    await page.setViewportSize({ width: 1280, height: 900 });
    await keepScreenshot(page, 'approvals-upload');

    await item.getByRole('button', { name: 'Approve' }).click();
    await item.getByRole('button', { name: 'Confirm approve' }).click();
    const decided = page.getByTestId('approvals-decided').locator('[data-status="approved"]');
    await expect(decided.getByTestId('approval-outcome')).toContainText('uploaded to Drive', { timeout: 15_000 });
    expect(drive.files.size).toBe(1);

    await decided.getByRole('link', { name: 'Open Launches' }).click();
    await expect(row.getByTestId('upload-state')).toContainText('uploaded');
  } finally {
    await drive.close();
  }
});

test('one archive reads as one size: the Launches list and the upload\u2019s approval write it the same way', async ({ page, levqor }) => {
  const drive = await startFakeDrive();
  try {
    const slug = 'sized-kit';
    const server = await levqor.start({ env: { LEVQOR_DRIVE_ROOT_URL: drive.url, LEVQOR_DRIVE_CREDENTIALS: JSON.stringify({ access_token: goodToken }) } });
    await call(server, 'products.create', { slug, name: 'Sized Kit', price: 9, description: 'A kit of a few kilobytes.', tags: ['kit'] });
    mkdirSync(join(levqor.dataDir, 'products', slug), { recursive: true });
    // incompressible, so the archive stays a few kB with a fraction (below 100 kB one decimal is shown)
    writeFileSync(join(levqor.dataDir, 'products', slug, 'noise.bin'), randomBytes(5_300));
    const compiled = await call<{ bytes: number; upload: { approvalId: string } }>(server, 'products.compile', { slug, upload: true });
    expect(compiled.bytes).toBeGreaterThan(5_000);
    expect(compiled.bytes).toBeLessThan(99_000);

    await openApp(page, server, 'launches');
    const listed = (await page.getByTestId(`product-row-${slug}`).locator('.lx-build .muted').textContent())!.trim();
    expect(listed).toMatch(/^\d+\.\d kB$/);

    await page.goto(`${server.baseUrl}#/approvals`);
    const item = page.getByTestId(`approval-${compiled.upload.approvalId}`);
    await expect(item.locator('.apx-item__message')).toContainText(`${slug} 1.0.0, ${listed})`);
  } finally {
    await drive.close();
  }
});

test('an outcome is coloured by how it turned out: a re-check that finds the monitor DOWN is red, an upload queued without credentials amber', async ({ page, levqor }) => {
  const server = await levqor.start();
  const monitor = await call<{ id: string }>(server, 'guardian.addMonitor', { type: 'http', name: 'shop', url: 'http://127.0.0.1:9/', intervalSeconds: 3600 });
  await call(server, 'guardian.check', { id: monitor.id });
  const healing = await call<{ id: string }>(server, 'guardian.requestHealing', { stepId: `recheck_monitor:${monitor.id}` });
  await call(server, 'approvals.approve', { id: healing.id });

  const spec = { slug: 'outcome-kit', name: 'Outcome Kit', price: 5, description: 'A kit', tags: ['kit'] };
  await call(server, 'products.create', spec);
  mkdirSync(join(levqor.dataDir, 'products', spec.slug), { recursive: true });
  writeFileSync(join(levqor.dataDir, 'products', spec.slug, 'readme.md'), '# Kit\n');
  const compiled = await call<{ upload: { approvalId: string } }>(server, 'products.compile', { slug: spec.slug, upload: true });
  await call(server, 'approvals.approve', { id: compiled.upload.approvalId });

  await openApp(page, server, 'approvals');
  const outcomeOf = (id: string) => page.getByTestId(`approval-${id}`).getByTestId('approval-outcome');
  const colour = (name: string) => page.evaluate((v) => getComputedStyle(document.documentElement).getPropertyValue(v).trim(), name);
  const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

  const down = outcomeOf(healing.id);
  await expect(down).toHaveText(/^re-checked: "shop" is DOWN/);
  await expect(down).toHaveCSS('color', rgb(await colour('--ui-danger')));
  await expect(down).toHaveAttribute('data-result', 'bad');

  const queued = outcomeOf(compiled.upload.approvalId);
  await expect(queued).toHaveText(/^queued: no Google Drive credentials/);
  await expect(queued).toHaveCSS('color', rgb(await colour('--ui-warning')));
  await expect(queued).toHaveAttribute('data-result', 'warn');
  await keepScreenshot(page, 'approvals-outcome-colours');

  // in Launches the upload waiting on missing credentials is amber too, not the calm blue of a plain wait
  await page.goto(`${server.baseUrl}#/launches`);
  const state = page.getByTestId(`product-row-${spec.slug}`).getByTestId('upload-state').locator('.dot');
  await expect(state).toHaveText('waiting to upload');
  await expect(state).toHaveClass(/tone--warn/);
});
