import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, keepScreenshot, openApp, test } from './fixtures';
import type { LevqorServer } from './server-process';
import { chain } from '../helpers/workflows/documents';
import { api } from './api';

/**
 * The Workflow studio's list, run history, live run view and analytics against a
 * real `levqor serve`: workflows and runs are made through its API, the pages are checked
 * in Chromium.
 */

const call = api;

type RunOut = { runId: string; status: string };

async function importWorkflow(server: LevqorServer, workflow: object): Promise<string> {
  return (await call<{ id: string }>(server, 'workflows.import', { workflow })).id;
}

async function runWorkflow(server: LevqorServer, id: string, extra: Record<string, unknown> = {}): Promise<RunOut> {
  return call<RunOut>(server, 'workflows.run', { id, wait: true, ...extra });
}

/** manual → a transform that fails when asked → log. */
function checkWorkflow(name: string, trigger: object = { type: 'manual' }) {
  return chain(
    [
      { id: 'check', type: 'transform', params: { expression: 'input.fail ? $error("card declined") : { "ok": true }' } },
      { id: 'note', type: 'log', params: { message: 'checked' } },
    ],
    { name, trigger },
  );
}

/** build → approval gate → announce. */
const shipWorkflow = chain(
  [
    { id: 'build', type: 'transform', params: { expression: '{ "version": "1.2.0" }' } },
    { id: 'gate', type: 'approval', params: { message: 'Ship 1.2.0?' } },
    { id: 'announce', type: 'log', params: { message: 'shipped {{ steps.build.output.version }}' } },
  ],
  { name: 'Ship the release' },
);

function row(page: Page, id: string) {
  return page.getByTestId(`workflow-row-${id}`);
}

async function openWorkflows(page: Page, server: LevqorServer, sub = ''): Promise<void> {
  await openApp(page, server);
  await page.goto(`${server.baseUrl}#/workflows${sub}`);
}

test('the list shows every workflow with its real trigger, last run and success rate; the switch turns a trigger off', async ({ page, server }) => {
  const nightly = await importWorkflow(server, checkWorkflow('Nightly check', { type: 'cron', expr: '0 3 * * *', timezone: 'UTC' }));
  const idle = await importWorkflow(server, checkWorkflow('Idle check'));
  // 1 failure then 3 successes: 75 %, last run succeeded
  expect((await runWorkflow(server, nightly, { input: { fail: true } })).status).toBe('failed');
  for (let i = 0; i < 3; i++) expect((await runWorkflow(server, nightly)).status).toBe('succeeded');

  await openWorkflows(page, server);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Workflows');
  await expect(main).not.toContainText('Not built yet');

  const n = row(page, nightly);
  await expect(n.getByRole('link', { name: 'Nightly check' })).toBeVisible();
  await expect(n.getByTestId('workflow-trigger')).toHaveText('Schedule');
  await expect(n.getByTestId('workflow-success')).toHaveText('75%');
  await expect(n.getByTestId('workflow-last').getByTestId('run-status')).toHaveText('Succeeded');
  const next = (await call<{ nextFireAt: number }>(server, 'workflows.get', { id: nightly })).nextFireAt;
  expect(next).toBeGreaterThan(Date.now());
  await expect(n.getByTestId('workflow-next')).not.toHaveText('—');

  const i = row(page, idle);
  await expect(i.getByTestId('workflow-trigger')).toHaveText('Manual');
  await expect(i.getByTestId('workflow-last')).toHaveText('never run');
  await expect(i.getByTestId('workflow-success')).toHaveText('—');

  const toggle = n.getByTestId('workflow-enabled');
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(n.getByTestId('workflow-next')).toHaveText('trigger off');
  expect((await call<{ enabled: boolean }>(server, 'workflows.get', { id: nightly })).enabled).toBe(false);

  // a new run shows up without a reload
  await runWorkflow(server, idle);
  await expect(i.getByTestId('workflow-success')).toHaveText('100%');
  await keepScreenshot(page, 'workflows-list');
});

test('create, duplicate, export, delete (with a confirm) and import from the list', async ({ page, server }) => {
  const hook = await importWorkflow(server, { ...checkWorkflow('Orders hook', { type: 'webhook', path: 'orders', respond: 'onFinish' }) });
  await runWorkflow(server, hook);
  await openWorkflows(page, server);

  // duplicate: a copy with its trigger off and a free webhook path
  await row(page, hook).getByRole('button', { name: 'Duplicate' }).click();
  await expect(page.getByTestId('workflows-notice')).toContainText('Duplicated as “Orders hook (copy)”');
  const { workflows } = await call<{ workflows: { id: string; name: string; enabled: boolean }[] }>(server, 'workflows.list', {});
  const copy = workflows.find((w) => w.name === 'Orders hook (copy)');
  expect(copy?.enabled).toBe(false);
  const copied = await call<{ workflow: { trigger: { path: string } } }>(server, 'workflows.export', { id: copy!.id });
  expect(copied.workflow.trigger.path).toBe('orders-copy');
  await expect(row(page, copy!.id)).toBeVisible();

  // export: the workflow file, as `levqor workflow import` reads it
  const download = page.waitForEvent('download');
  await row(page, hook).getByRole('button', { name: 'Export' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('orders-hook.json');
  const exported = JSON.parse(readFileSync(await file.path(), 'utf8')) as { name: string; trigger: { path: string } };
  expect(exported).toMatchObject({ name: 'Orders hook', trigger: { type: 'webhook', path: 'orders' } });

  // delete asks first; cancel keeps it; confirm removes it and keeps its runs
  await row(page, hook).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText('Delete “Orders hook”?');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row(page, hook)).toBeVisible();
  await row(page, hook).getByRole('button', { name: 'Delete' }).click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete workflow' }).click();
  await expect(row(page, hook)).toHaveCount(0);
  expect((await call<{ runs: unknown[] }>(server, 'runs.list', { workflowId: hook })).runs).toHaveLength(1);

  // import a valid file: stored at once
  const input = page.getByTestId('workflow-import-file');
  await input.setInputFiles({ name: 'orders-hook.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
  await expect(page.getByTestId('workflows-notice')).toContainText('Imported “Orders hook”');
  await expect(page.locator('[data-name="Orders hook"]')).toHaveCount(1);

  // a file that is not JSON: the parser's reason, on the list
  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "name": ') });
  await expect(page.getByTestId('workflows-notice')).toContainText('broken.json: not valid JSON');
  await expect(page).toHaveURL(/#\/workflows$/);

  // a workflow with problems opens in the editor as a draft
  const invalid = { name: 'Half done', trigger: { type: 'manual' }, nodes: [{ id: 'x', type: 'teleport', params: {} }], edges: [] };
  await input.setInputFiles({ name: 'half-done.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(invalid)) });
  await expect(page).toHaveURL(/#\/workflows\/new\?import=1$/);
  expect((await call<{ workflows: { name: string }[] }>(server, 'workflows.list', {})).workflows.map((w) => w.name)).not.toContain('Half done');

  // create leads to the editor
  await page.goto(`${server.baseUrl}#/workflows`);
  await page.getByTestId('workflow-create').click();
  await expect(page).toHaveURL(/#\/workflows\/new$/);
});

test('a run waits at its approval, is approved in the Approvals inbox, and the run view turns every node green live', async ({ page, context, server }) => {
  test.setTimeout(60_000);
  const id = await importWorkflow(server, shipWorkflow);
  const run = await runWorkflow(server, id);
  expect(run.status).toBe('waiting');

  await openWorkflows(page, server, `/${id}/runs/${run.runId}`);
  const view = page.getByTestId('run-view');
  await expect(view).toHaveAttribute('data-run-status', 'waiting');
  await expect(page.getByTestId('node-__trigger__')).toHaveAttribute('data-state', 'succeeded');
  await expect(page.getByTestId('node-build')).toHaveAttribute('data-state', 'succeeded');
  await expect(page.getByTestId('node-gate')).toHaveAttribute('data-state', 'waiting');
  await expect(page.getByTestId('node-announce')).toHaveAttribute('data-state', 'pending');
  await expect(page.getByTestId('run-approvals')).toContainText('Ship 1.2.0?');
  await expect(page.getByTestId('node-detail')).toHaveAttribute('data-node', 'gate');
  await expect(page.getByTestId('node-detail')).toContainText('for your approval');

  // the inbox link, in a second tab; the run view stays open and follows the events
  const inbox = await context.newPage();
  await inbox.goto(`${server.baseUrl}${await page.getByTestId('open-approvals').getAttribute('href')}`);
  const item = inbox.getByTestId('approvals-pending').locator('[data-status="pending"]');
  await expect(item).toContainText('Ship 1.2.0?');
  await item.getByRole('button', { name: 'Approve' }).click();
  await item.getByRole('button', { name: 'Confirm approve' }).click();
  await expect(inbox.getByTestId('approvals-empty')).toBeVisible();

  await expect(view).toHaveAttribute('data-run-status', 'succeeded', { timeout: 15_000 });
  for (const node of ['__trigger__', 'build', 'gate', 'announce']) await expect(page.getByTestId(`node-${node}`)).toHaveAttribute('data-state', 'succeeded');
  await expect(page.getByTestId('run-approvals')).toHaveCount(0);
  await expect(page.getByTestId('run-log')).toContainText('shipped 1.2.0');

  // a node's detail: its input and output
  await page.getByTestId('node-build').click();
  await expect(page.getByTestId('node-detail')).toHaveAttribute('data-node', 'build');
  await expect(page.getByTestId('node-output')).toContainText('"version": "1.2.0"');
  await expect(page.getByTestId('node-attempts')).toHaveText('1');

  await page.setViewportSize({ width: 1280, height: 900 });
  await keepScreenshot(page, 'workflow-run-view');
});

test('cancelling a waiting run (after a confirm) closes its approval and cancels what was left', async ({ page, server }) => {
  const id = await importWorkflow(server, shipWorkflow);
  const run = await runWorkflow(server, id);
  await openWorkflows(page, server, `/${id}/runs/${run.runId}`);
  await expect(page.getByTestId('node-gate')).toHaveAttribute('data-state', 'waiting');

  await page.getByTestId('run-cancel').click();
  const dialog = page.getByTestId('confirm-dialog');
  await dialog.getByRole('button', { name: 'Keep it going' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('run-view')).toHaveAttribute('data-run-status', 'waiting');

  await page.getByTestId('run-cancel').click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Cancel run' }).click();
  await expect(page.getByTestId('run-view')).toHaveAttribute('data-run-status', 'cancelled');
  await expect(page.getByTestId('node-build')).toHaveAttribute('data-state', 'succeeded');
  await expect(page.getByTestId('node-gate')).toHaveAttribute('data-state', 'cancelled');
  await expect(page.getByTestId('node-announce')).toHaveAttribute('data-state', 'cancelled');
  await expect(page.getByTestId('run-approvals')).toHaveCount(0);
  await expect(page.getByTestId('run-retry')).toBeVisible();
  const { approvals } = await call<{ approvals: { status: string }[] }>(server, 'approvals.list', { runId: run.runId });
  expect(approvals.map((a) => a.status)).toEqual(['cancelled']);
});

test('a failed run shows the error on its failed node; "Retry from failed step" finishes it', async ({ page, server }) => {
  test.setTimeout(60_000);
  let broken = true;
  const upstream: Server = createServer((req, res) => {
    res.writeHead(broken ? 503 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(broken ? { error: 'maintenance' } : { stock: 7 }));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/stock`;
  try {
    const id = await importWorkflow(server, {
      name: 'Stock sync',
      trigger: { type: 'manual' },
      nodes: [
        { id: 'fetch', type: 'http.request', params: { url } },
        { id: 'note', type: 'log', params: { message: 'stock is {{ steps.fetch.output.body.stock }}' } },
      ],
      edges: [{ from: 'fetch', to: 'note' }],
    });
    const run = await runWorkflow(server, id);
    expect(run.status).toBe('failed');

    await openWorkflows(page, server, `/${id}/runs/${run.runId}`);
    await expect(page.getByTestId('node-fetch')).toHaveAttribute('data-state', 'failed');
    await expect(page.getByTestId('node-note')).toHaveAttribute('data-state', 'pending');
    await expect(page.getByTestId('run-error')).toContainText('HTTP_STATUS at fetch');
    await page.getByTestId('node-fetch').click();
    await expect(page.getByTestId('node-error')).toContainText(`GET ${url} answered 503`);
    await expect(page.getByTestId('node-input')).toContainText(url);
    await expect(page.getByTestId('run-cancel')).toHaveCount(0);

    broken = false;
    await page.getByTestId('run-retry').click();
    await expect(page.getByTestId('run-view')).toHaveAttribute('data-run-status', 'succeeded', { timeout: 15_000 });
    await expect(page.getByTestId('node-fetch')).toHaveAttribute('data-state', 'succeeded');
    await expect(page.getByTestId('node-note')).toHaveAttribute('data-state', 'succeeded');
    await expect(page.getByTestId('run-log')).toContainText('stock is 7');
    await expect(page.getByTestId('run-retry')).toHaveCount(0);
  } finally {
    await new Promise((resolve) => upstream.close(resolve));
  }
});

test('history lists a workflow’s runs with status and date filters, dry runs marked, a page at a time', async ({ page, server }) => {
  test.setTimeout(90_000);
  const id = await importWorkflow(server, checkWorkflow('Order check'));
  const failed = await runWorkflow(server, id, { input: { fail: true } });
  const dry = await runWorkflow(server, id, { dryRun: true });
  for (let i = 0; i < 25; i++) await runWorkflow(server, id);

  await openWorkflows(page, server, `/${id}/runs`);
  const rows = page.getByTestId('history-table').locator('tbody tr');
  await expect(rows).toHaveCount(25);
  await page.getByTestId('history-older').click();
  await expect(rows).toHaveCount(27);
  await expect(page.getByTestId('history-older')).toHaveCount(0);
  await expect(page.getByTestId(`history-row-${dry.runId}`).getByTestId('dry-run-badge')).toHaveText('dry run');
  await expect(page.getByTestId(`history-row-${failed.runId}`)).toContainText('EXPRESSION at check');

  await page.getByTestId('history-status').selectOption('failed');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-status', 'failed');

  const day = (offset: number) => {
    const d = new Date();
    d.setDate(d.getDate() + offset);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  await page.getByTestId('history-from').fill(day(1));
  await expect(page.getByTestId('history-empty')).toContainText('No runs match these filters');
  await page.getByTestId('history-from').fill(day(0));
  await page.getByTestId('history-to').fill(day(0));
  await expect(rows).toHaveCount(1);
  await page.getByTestId('history-to').fill(day(-1));
  await expect(page.getByRole('alert')).toContainText('from: must be on or before to');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(25);
  await keepScreenshot(page, 'workflow-history');

  // each row opens its run
  await page.getByTestId('history-status').selectOption('failed');
  await page.getByTestId(`history-row-${failed.runId}`).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`#/workflows/${id}/runs/${failed.runId}$`));
  await expect(page.getByTestId('node-check')).toHaveAttribute('data-state', 'failed');
});

test('analytics shows runs per day, duration percentiles, success rate and top failures', async ({ page, server }) => {
  const id = await importWorkflow(server, checkWorkflow('Refund check'));
  await runWorkflow(server, id, { input: { fail: true } });
  for (let i = 0; i < 3; i++) await runWorkflow(server, id);
  const empty = await importWorkflow(server, checkWorkflow('Never run'));

  await openWorkflows(page, server, `/${id}/analytics`);
  await expect(page.getByTestId('analytics-runs')).toContainText('4');
  await expect(page.getByTestId('analytics-runs')).toContainText('3 succeeded · 1 failed · 0 rejected · 0 cancelled');
  await expect(page.getByTestId('analytics-success')).toContainText('75%');
  await expect(page.getByTestId('analytics-duration')).toContainText(/\d+ ms \/ \d+ ms/);
  await expect(page.getByTestId('analytics-approval-wait')).toContainText('no approval decided in this range');
  await expect(page.getByTestId('analytics-failures')).toContainText('1× EXPRESSION at check');
  // one stacked bar per status with runs today
  const chart = page.getByTestId('analytics-daily-chart');
  await expect(chart.locator('.recharts-bar-rectangle path, .recharts-bar-rectangle rect').first()).toBeVisible();
  await expect(chart.locator('.recharts-legend-item')).toHaveCount(5);

  await page.getByRole('button', { name: '7 d' }).click();
  await expect(page.getByTestId('analytics-runs')).toContainText('4');
  await keepScreenshot(page, 'workflow-analytics');
  // a new run counts without a reload
  await runWorkflow(server, id);
  await expect(page.getByTestId('analytics-runs')).toContainText('4 succeeded · 1 failed');
  await expect(page.getByTestId('analytics-success')).toContainText('80%');

  await page.goto(`${server.baseUrl}#/workflows/${empty}/analytics`);
  await expect(page.getByTestId('analytics-empty')).toHaveText('No runs in this range.');
  await expect(page.getByTestId('analytics-success')).toContainText('—');
});

test('a run that started a child run links to it, and the child links back to its parent', async ({ page, server }) => {
  const childId = await importWorkflow(server, checkWorkflow('Card check'));
  const parentId = await importWorkflow(server, {
    name: 'Order desk',
    trigger: { type: 'manual' },
    nodes: [{ id: 'check', type: 'workflow.run', params: { workflowId: childId } }],
    edges: [],
  });
  const run = await runWorkflow(server, parentId);
  expect(run.status).toBe('succeeded');
  const detail = await call<{ children: string[] }>(server, 'runs.get', { id: run.runId });
  expect(detail.children).toHaveLength(1);
  const childRunId = detail.children[0]!;

  await openWorkflows(page, server, `/${parentId}/runs/${run.runId}`);
  const child = page.getByTestId(`related-${childRunId}`);
  await expect(child).toContainText('Child run: Card check');
  await expect(child).toContainText('Succeeded');
  await child.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`#/workflows/${childId}/runs/${childRunId}$`));
  await expect(page.getByTestId('node-check')).toHaveAttribute('data-state', 'succeeded');
  await expect(page.getByTestId(`related-${run.runId}`)).toContainText('Started by Order desk');
});
