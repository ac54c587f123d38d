import type { Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, keepScreenshot, openApp, test as base } from './fixtures';
import { api, levqorCli, startTarget } from './api';
import { chain } from '../helpers/workflows/documents';
import type { LevqorServer } from './server-process';

/**
 * What a run and an approval mean, in the UI of a real `levqor serve` (pre-launch, the
 * default stage): one class per step everywhere, a rejected run is not a failure, an approval
 * gate lets the gated action happen, manual runs take input, every run is listed, and
 * approval previews read as fields.
 */

type RunOut = { runId: string; status: string };

/** Each test gets a local HTTP endpoint that records what the workflow sends it. */
const test = base.extend<{ target: Awaited<ReturnType<typeof startTarget>> }>({
  // eslint-disable-next-line no-empty-pattern
  target: async ({}, use) => {
    const target = await startTarget();
    await use(target);
    await target.close();
  },
});

test.beforeEach(({ page }) => {
  page.on('pageerror', (err) => {
    throw new Error(`page error: ${err.message}\n${err.stack ?? ''}`);
  });
});

async function importWorkflow(server: LevqorServer, workflow: object): Promise<string> {
  return (await api<{ id: string }>(server, 'workflows.import', { workflow })).id;
}

async function go(page: Page, server: LevqorServer, hash: string): Promise<void> {
  await page.goto(`${server.baseUrl}#/${hash}`);
}

/** build → approval gate → announce: each run waits for the founder. */
function gated(name: string, message: string) {
  const steps = [
    { id: 'build', type: 'transform', params: { expression: '{ "version": "1.2.0" }' } },
    { id: 'gate', type: 'approval', params: { message } },
    { id: 'announce', type: 'log', params: { message: 'shipped {{ steps.build.output.version }}' } },
  ];
  return chain(steps, { name });
}

test('a GET request is Class A in the run, on the canvas, in the palette and the side panel; POST makes it B', async ({ page, server, target }) => {
  const fetch = { id: 'fetch', type: 'http.request', params: { url: `${target.url}/stock` } };
  const tell = { id: 'tell', type: 'http.request', params: { method: 'POST', url: `${target.url}/hook` } };
  const id = await importWorkflow(server, chain([fetch, tell], { name: 'Stock check' }));
  const run = await api<RunOut>(server, 'workflows.run', { id, wait: true });

  await openApp(page, server);
  await go(page, server, `workflows/${id}/runs/${run.runId}`);
  await expect(page.getByTestId('node-fetch')).toContainText('Class A');
  await page.getByTestId('step-fetch').click();
  await expect(page.getByTestId('node-detail')).toContainText('http.request · Class A');

  await go(page, server, `workflows/${id}`);
  await expect(page.getByTestId('palette-http.request')).toContainText('Class A');
  await expect(page.getByTestId('node-fetch')).toContainText('Class A');
  await expect(page.getByTestId('node-tell')).toContainText('Class B');
  await page.getByTestId('node-fetch').click();
  await expect(page.getByTestId('node-panel-class')).toContainText('Class A');
  await page.locator('#wfe-fetch-method').selectOption('POST');
  await expect(page.getByTestId('node-fetch')).toContainText('Class B');
  await expect(page.getByTestId('node-panel-class')).toContainText('Class B');
});

test('rejecting an approval ends the run as rejected: not a failure in the run view, history, analytics, Guardian or CLI', async ({ page, levqor, server }) => {
  test.setTimeout(60_000);
  const id = await importWorkflow(server, gated('Refund order 1042', 'Refund 49 EUR to order 1042?'));
  // one approved run: the success rate has something to say
  const approved = await api<RunOut>(server, 'workflows.run', { id, wait: true });
  const first = (await api<{ approvals: Array<{ id: string }> }>(server, 'approvals.list', { runId: approved.runId, status: 'pending' })).approvals[0]!;
  await api(server, 'approvals.approve', { id: first.id });
  const rejected = await api<RunOut>(server, 'workflows.run', { id, wait: true });
  expect(rejected.status).toBe('waiting');

  await openApp(page, server, 'approvals');
  const pending = page.getByTestId('approvals-pending').locator('[data-status="pending"]');
  await pending.getByRole('button', { name: 'Reject' }).click();
  await pending.getByRole('textbox', { name: 'Reason' }).fill('customer already refunded by hand');
  await pending.getByRole('button', { name: 'Confirm reject' }).click();
  await expect(page.getByTestId('approvals-empty')).toBeVisible();

  await go(page, server, `workflows/${id}/runs/${rejected.runId}`);
  await expect(page.getByTestId('run-view')).toHaveAttribute('data-run-status', 'rejected');
  await expect(page.getByTestId('run-view').getByTestId('run-status').first()).toHaveText('Rejected');
  await expect(page.getByTestId('node-gate')).toHaveAttribute('data-state', 'rejected');
  await expect(page.getByTestId('run-retry')).toHaveText('Ask again');

  await go(page, server, `workflows/${id}/runs`);
  await page.getByTestId('history-status').selectOption('rejected');
  await expect(page.getByTestId('history-table').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId(`history-row-${rejected.runId}`)).toHaveAttribute('data-status', 'rejected');

  await go(page, server, `workflows/${id}/analytics`);
  await expect(page.getByTestId('analytics-runs')).toContainText('1 succeeded · 0 failed · 1 rejected · 0 cancelled');
  await expect(page.getByTestId('analytics-success')).toContainText('100%');
  await expect(page.getByTestId('analytics-daily-chart')).toContainText('Rejected');

  const score = await api<{ breakdown: Array<{ kind: string }> }>(server, 'guardian.score', {});
  expect(score.breakdown.filter((d) => d.kind === 'failed_runs')).toEqual([]);
  await go(page, server, 'guardian');
  await expect(page.getByTestId('guardian-healing-plan')).toBeVisible();
  await expect(page.getByTestId('guardian-healing-plan')).not.toContainText('Retry failed run');

  const listed = JSON.parse(levqorCli(levqor.dataDir, 'runs', 'list', '--status', 'rejected', '--json').stdout) as { runs: Array<{ id: string; status: string }> };
  expect(listed.runs).toEqual([expect.objectContaining({ id: rejected.runId, status: 'rejected' })]);
});

test('pre-launch: approving the gate lets the POST after it happen; a POST on its own asks itself; the editor and run view say which', async ({ page, server, target }) => {
  test.setTimeout(60_000);
  const gate = { id: 'gate', type: 'approval', params: { message: 'Refund order {{ input.order }}?' } };
  const send = { id: 'refund', type: 'http.request', params: { method: 'POST', url: `${target.url}/refunds`, body: { order: '{{ input.order }}' } } };
  const refund = await importWorkflow(server, chain([gate, send], { name: 'Refund' }));
  const ping = await importWorkflow(server, chain([{ id: 'post', type: 'http.request', params: { method: 'POST', url: `${target.url}/ping` } }], { name: 'Ping the shop' }));

  const run = await api<RunOut>(server, 'workflows.run', { id: refund, input: { order: 1042 }, wait: true });
  expect(run.status).toBe('waiting');
  await openApp(page, server);
  await go(page, server, `workflows/${refund}/runs/${run.runId}`);
  const ask = page.getByTestId('run-approvals');
  await expect(ask).toContainText('Refund order 1042?');
  await ask.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByTestId('run-view')).toHaveAttribute('data-run-status', 'succeeded', { timeout: 15_000 });
  await expect(page.getByTestId('node-refund')).toHaveAttribute('data-state', 'succeeded');
  expect(target.hits.filter((h) => h.path === '/refunds')).toEqual([{ method: 'POST', path: '/refunds', body: { order: 1042 } }]);
  await expect(page.getByTestId('run-dry-ran')).toHaveCount(0);

  // the editor says it before the run: covered by the gate, or asking itself
  await go(page, server, `workflows/${refund}`);
  await expect(page.getByTestId('node-approval-note-refund')).toHaveText('Covered by the approval before it (gate)');
  await go(page, server, `workflows/${ping}`);
  await expect(page.getByTestId('node-approval-note-post')).toHaveText('Will ask for approval in pre-launch');
  await page.getByTestId('node-post').click();
  await expect(page.getByTestId('node-panel-approval-note')).toContainText('shows you what it would do');
  await keepScreenshot(page, 'editor-approval-note');

  // a dry run records what it would do and the run view says so plainly
  await page.getByTestId('dry-run').click();
  await page.getByTestId('run-start').click();
  await expect(page).toHaveURL(/#\/workflows\/[^/]+\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('run-view')).toHaveAttribute('data-run-status', 'succeeded', { timeout: 15_000 });
  await expect(page.getByTestId('run-dry-ran')).toContainText('Only dry-ran');
  await expect(page.getByTestId('run-dry-ran')).toContainText('post');
  await expect(page.getByTestId('node-post')).toContainText('Only dry-ran');
  await expect(page.getByTestId('node-detail')).toContainText('Only dry-ran: nothing was sent or changed');
  expect(target.hits.filter((h) => h.path === '/ping')).toHaveLength(0);
  await keepScreenshot(page, 'run-only-dry-ran');

  // a real run asks for this step's own approval, showing its dry run, then sends
  await go(page, server, `workflows/${ping}`);
  await page.getByTestId('run').click();
  await page.getByTestId('run-start').click();
  const own = page.getByTestId('run-approvals');
  await expect(own).toContainText('class B');
  await expect(own.getByTestId('run-approval-preview-fields')).toContainText(`${target.url}/ping`);
  expect(target.hits.filter((h) => h.path === '/ping')).toHaveLength(0);
  await own.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByTestId('run-view')).toHaveAttribute('data-run-status', 'succeeded', { timeout: 15_000 });
  expect(target.hits.filter((h) => h.path === '/ping')).toHaveLength(1);
  await keepScreenshot(page, 'run-approved-post');
});

test('a manual run takes input from the Run dialog (fields or JSON) and the CLI; a missing value fails the step naming its path', async ({ page, levqor, server }) => {
  test.setTimeout(60_000);
  const fields = { order: { type: 'text', label: 'Order id', required: true }, amount: { type: 'number', default: 0 } };
  const say = (message: string) => [{ id: 'say', type: 'log', params: { message } }];
  const refund = await importWorkflow(server, chain(say('Refund order {{ input.order }} for ${{ input.amount }}?'), { name: 'Refund by hand', trigger: { type: 'manual', input: fields } }));
  const loose = await importWorkflow(server, chain(say('Refund order {{ input.order }}?'), { name: 'Loose refund' }));

  await openApp(page, server, 'workflows');
  await page.getByTestId(`workflow-row-${refund}`).getByTestId('workflow-run').click();
  const dialog = page.getByTestId('run-dialog');
  await expect(dialog.getByLabel('Order id')).toBeVisible();
  await expect(dialog.getByLabel('amount')).toHaveValue('0');
  await dialog.getByTestId('run-start').click();
  await expect(dialog.getByTestId('run-input-error-order')).toHaveText('Order id is required');
  await dialog.getByLabel('amount').fill('twelve');
  await dialog.getByLabel('Order id').fill('A-1042');
  await dialog.getByTestId('run-start').click();
  await expect(dialog.getByTestId('run-input-error-amount')).toHaveText('amount must be a number');
  await dialog.getByLabel('amount').fill('12.5');
  await page.setViewportSize({ width: 1280, height: 720 });
  await keepScreenshot(page, 'run-dialog-fields');
  await dialog.getByTestId('run-start').click();
  await expect(page).toHaveURL(new RegExp(`#/workflows/${refund}/runs/[0-9a-f-]{36}$`));
  await expect(page.getByTestId('run-view')).toHaveAttribute('data-run-status', 'succeeded', { timeout: 15_000 });
  await expect(page.getByTestId('run-log')).toContainText('Refund order A-1042 for $12.5?');

  // no input fields: a JSON box; a template naming a missing value fails its step, naming it
  await go(page, server, `workflows/${loose}`);
  await page.getByTestId('run').click();
  const box = page.getByTestId('run-dialog');
  await box.getByTestId('run-input-json').fill('{ "ordr": 7');
  await box.getByTestId('run-start').click();
  await expect(box.getByTestId('run-input-error-input')).toContainText('Input is not valid JSON');
  await box.getByTestId('run-input-json').fill('{ "ordr": 7 }');
  await box.getByTestId('run-start').click();
  await expect(page.getByTestId('run-view')).toHaveAttribute('data-run-status', 'failed', { timeout: 15_000 });
  await expect(page.getByTestId('run-error')).toContainText('MISSING_VALUE at say');
  await expect(page.getByTestId('run-error')).toContainText('params.message: {{ input.order }} is missing: input has no "order"');

  const cli = levqorCli(levqor.dataDir, 'workflow', 'run', refund, '--input', '{"order":"B-7"}', '--wait', '--json');
  expect(cli.code, cli.stderr).toBe(0);
  expect(JSON.parse(cli.stdout)).toMatchObject({ status: 'succeeded' });
  const refused = levqorCli(levqor.dataDir, 'workflow', 'run', refund, '--input', '{"amount":3}', '--wait');
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('input.order: is required');
});

test('All runs lists every workflow’s runs with filters; each row opens its run, a file run from the CLI too', async ({ page, levqor, server }) => {
  test.setTimeout(60_000);
  const check = (name: string) => chain([{ id: 'check', type: 'transform', params: { expression: 'input.fail ? $error("card declined") : "ok"' } }], { name });
  const nightly = await importWorkflow(server, check('Nightly check'));
  const orders = await importWorkflow(server, check('Order sync'));
  const ok = await api<RunOut>(server, 'workflows.run', { id: nightly, wait: true });
  const bad = await api<RunOut>(server, 'workflows.run', { id: orders, input: { fail: true }, wait: true });
  expect(bad.status).toBe('failed');
  const file = join(levqor.dataDir, 'one-off.json');
  writeFileSync(file, JSON.stringify(check('One-off from a file')));
  const fileRun = JSON.parse(levqorCli(levqor.dataDir, 'workflow', 'run', file, '--wait', '--json').stdout) as RunOut;

  await openApp(page, server, 'workflows');
  await page.getByTestId('all-runs-link').click();
  await expect(page).toHaveURL(/#\/workflows\/runs$/);
  const rows = page.getByTestId('runs-table').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId(`runs-row-${fileRun.runId}`).getByTestId('run-workflow')).toHaveText('One-off from a file');
  await expect(page.getByTestId(`runs-row-${bad.runId}`)).toContainText('Order sync');
  await expect(page.getByTestId(`runs-row-${bad.runId}`)).toContainText('card declined');

  await page.getByTestId('runs-workflow').selectOption({ label: 'Nightly check' });
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId(`runs-row-${ok.runId}`)).toBeVisible();
  await page.getByTestId('runs-workflow').selectOption('');
  await page.getByTestId('runs-status').selectOption('failed');
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId(`runs-row-${bad.runId}`)).toBeVisible();
  await page.getByTestId('runs-status').selectOption('');
  const tomorrow = new Date(Date.now() + 86_400_000);
  const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
  await page.getByTestId('runs-from').fill(day);
  await expect(page.getByTestId('runs-empty')).toContainText('No runs match these filters');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(3);
  await page.setViewportSize({ width: 1440, height: 900 });
  await keepScreenshot(page, 'all-runs');

  await page.getByTestId(`runs-row-${fileRun.runId}`).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`#/workflows/runs/${fileRun.runId}$`));
  await expect(page.getByTestId('run-view')).toHaveAttribute('data-run-status', 'succeeded');
  await expect(page.getByTestId('workflow-title')).toHaveText('One-off from a file');
  await page.getByRole('link', { name: '← All runs' }).click();
  await page.getByTestId(`runs-row-${bad.runId}`).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`#/workflows/${orders}/runs/${bad.runId}$`));
  await expect(page.getByTestId('run-view')).toHaveAttribute('data-run-status', 'failed');
});

test('an approval preview reads as fields (nested ones indented, long text wrapped) with the raw JSON behind a toggle; a decided one links to its run', async ({ page, server, target }) => {
  test.setTimeout(60_000);
  const note = 'Please refund the whole order including shipping, the parcel came back damaged. '.repeat(8).trim();
  // money: Class C, asked for in every stage
  const refund = { id: 'refund', type: 'http.request', class: 'C', params: { method: 'POST', url: `${target.url}/refunds`, body: { order: { id: 1042, items: ['mug', 'poster'] }, note } } };
  const id = await importWorkflow(server, chain([refund], { name: 'Refund with a note' }));
  const run = await api<RunOut>(server, 'workflows.run', { id, wait: true });
  expect(run.status).toBe('waiting');

  await openApp(page, server, 'approvals');
  const item = page.getByTestId('approvals-pending').locator('[data-status="pending"]');
  const fields = item.getByTestId('approval-preview-fields');
  await expect(fields).toContainText('Method');
  await expect(fields).toContainText('POST');
  await expect(fields).toContainText('URL');
  await expect(fields).toContainText(`${target.url}/refunds`);
  // body → order → its fields, each level indented in its own block; headers too
  const nested = fields.locator('.preview-fields--nested');
  await expect(nested.filter({ hasText: 'Idempotency-Key' }).first()).toContainText('content-type');
  const body = nested.filter({ hasText: 'mug' });
  await expect(body.first()).toContainText('Order');
  await expect(body.first()).toContainText('Note');
  await expect(body.last()).toContainText('ID');
  await expect(body.last()).toContainText('1042');
  await expect(body.last()).toContainText('Items');
  await expect(fields).toContainText(note);
  await expect(item.getByTestId('approval-preview')).toHaveCount(0);
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ]) {
    await page.setViewportSize(size);
    // the long note wraps inside the card: nothing runs off to the side
    const overflow = await item.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow, `at ${size.width}×${size.height}`).toBeLessThanOrEqual(0);
    await keepScreenshot(page, `approval-preview-${size.width}`);
  }
  await item.getByRole('button', { name: 'Show raw JSON' }).click();
  await expect(item.getByTestId('approval-preview')).toContainText('"items": [');
  await item.getByRole('button', { name: 'Hide raw JSON' }).click();
  await expect(item.getByTestId('approval-preview')).toHaveCount(0);

  await item.getByRole('button', { name: 'Approve' }).click();
  await item.getByRole('button', { name: 'Confirm approve' }).click();
  const decided = page.getByTestId('approvals-decided').locator('[data-status="approved"]');
  await decided.getByTestId('approval-run-link').click();
  await expect(page).toHaveURL(new RegExp(`#/workflows/${id}/runs/${run.runId}$`));
  await expect(page.getByTestId('run-view')).toHaveAttribute('data-run-status', 'succeeded', { timeout: 15_000 });
  expect(target.hits).toHaveLength(1);
});
