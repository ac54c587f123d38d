import type { Locator, Page } from '@playwright/test';
import { expect, keepScreenshot, openApp, test } from './fixtures';
import { callApi as call, dropStep, failOnPageErrors, node } from './workflow-helpers';

/** Drops a step type 140px below a step already on the canvas. */
async function dropBelow(page: Page, type: string, below: string): Promise<void> {
  const canvas = (await page.getByTestId('flow-canvas').boundingBox())!;
  const b = (await node(page, below).boundingBox())!;
  await dropStep(page, type, { x: b.x - canvas.x + b.width / 2, y: b.y - canvas.y + b.height / 2 + 140 });
}

async function centre(l: Locator): Promise<{ x: number; y: number }> {
  const box = await l.boundingBox();
  if (!box) throw new Error('not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Connects two steps the way a person does: drag from the source port's handle to the target's input. */
async function connect(page: Page, from: string, port: string, to: string): Promise<void> {
  const a = await centre(page.getByTestId(`handle-${from}-${port}`));
  const b = await centre(page.locator(`.react-flow__node[data-id="${to}"] .react-flow__handle.target`));
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
}

test.beforeEach(({ page }) => failOnPageErrors(page));

const edges = (page: Page) => page.locator('.react-flow__edge:not(.fc-edge--trigger)');

test('build a three-step workflow by dragging, connect it, fill it, save, run it: every node turns green', async ({ page, server }) => {
  test.setTimeout(60_000);
  await openApp(page, server, 'workflows/new');
  await expect(page.getByTestId('workflow-editor')).toBeVisible();

  await page.getByTestId('wf-name').fill('Big order check');
  await dropStep(page, 'transform', { x: 240, y: 90 });
  await expect(node(page, 'transform')).toBeVisible();
  await dropBelow(page, 'condition', 'transform');
  await expect(node(page, 'condition')).toBeVisible();
  await dropBelow(page, 'log', 'condition');
  await expect(node(page, 'log')).toBeVisible();

  await connect(page, 'transform', 'out', 'condition');
  await expect(edges(page)).toHaveCount(1);
  await connect(page, 'condition', 'true', 'log');
  await expect(edges(page)).toHaveCount(2);

  // params: the form is generated from each step's schema; problems clear as fields are filled
  await node(page, 'transform').click();
  await expect(page.getByTestId('field-errors-expression')).toContainText('is required');
  await page.locator('#wfe-transform-expression').fill('{ "total": 42 }');
  await node(page, 'condition').click();
  await page.locator('#wfe-condition-expression').fill('steps.transform.output.total > 40');
  await node(page, 'log').click();
  await page.locator('#wfe-log-message').fill('big order: {{ steps.transform.output.total }}');
  await expect(page.getByTestId('problem-list')).toContainText('No problems');
  await expect(page.getByTestId('run')).toBeDisabled(); // unsaved

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText(/Saved · v1/);
  await expect(page).toHaveURL(/#\/workflows\/[0-9a-f-]{36}$/);
  const id = /#\/workflows\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
  const stored = await call<{ workflow: { nodes: { id: string; type: string }[]; edges: unknown[] } }>(server, 'workflows.get', { id });
  expect(stored.workflow.nodes.map((n) => n.type)).toEqual(['transform', 'condition', 'log']);
  expect(stored.workflow.edges).toEqual([{ from: 'transform', to: 'condition' }, { from: 'condition', fromPort: 'true', to: 'log' }]);
  await expect(page.getByTestId('run')).toBeEnabled();
  await keepScreenshot(page, 'workflow-editor');

  await page.getByTestId('run').click();
  // a manual run asks for its input first
  await expect(page.getByTestId('run-dialog')).toBeVisible();
  await page.getByTestId('run-start').click();
  await expect(page).toHaveURL(new RegExp(`#/workflows/${id}/runs/[0-9a-f-]{36}$`));
  for (const step of ['transform', 'condition', 'log']) await expect(node(page, step)).toHaveAttribute('data-state', 'succeeded', { timeout: 15_000 });
  await keepScreenshot(page, 'workflow-editor-live-run');
});

test('an invalid graph shows its errors on the nodes, saves only as a draft and cannot run; undo/redo restores the graph', async ({ page, server }) => {
  await openApp(page, server, 'workflows/new');
  await dropStep(page, 'transform', { x: 240, y: 100 });
  await expect(node(page, 'transform')).toBeVisible();
  await dropBelow(page, 'log', 'transform');
  await connect(page, 'transform', 'out', 'log');
  await expect(edges(page)).toHaveCount(1);

  // no expression, no message: both nodes carry their problems
  await expect(node(page, 'transform')).toHaveAttribute('data-invalid', 'true');
  await expect(page.getByTestId('node-problems-transform')).toContainText('params.expression: is required');
  await expect(node(page, 'log')).toHaveAttribute('data-invalid', 'true');
  await expect(page.getByTestId('problem-list')).toContainText('2 problems');
  // clicking a problem selects its step
  await page.getByTestId('problem-list').getByRole('button', { name: /log/ }).first().click();
  await expect(page.getByTestId('node-panel')).toContainText('Log');

  await expect(page.getByTestId('save')).toHaveText('Save draft');
  await page.getByTestId('save').click();
  await expect(page.getByTestId('save-status')).toHaveText(/Draft · v1/);
  await expect(page.getByTestId('run')).toBeDisabled();
  await expect(page.getByTestId('dry-run')).toBeDisabled();
  const id = /#\/workflows\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
  const summary = await call<{ draft: boolean; problems: unknown[] }>(server, 'workflows.get', { id });
  expect(summary).toMatchObject({ draft: true, problems: [{ path: 'nodes[0].params.expression' }, { path: 'nodes[1].params.message' }] });
  await keepScreenshot(page, 'workflow-editor-invalid');

  // undo the edge, then the second step; redo brings both back
  await page.getByTestId('flow-canvas').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect(edges(page)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(node(page, 'log')).toHaveCount(0);
  await page.keyboard.press('Control+y');
  await expect(node(page, 'log')).toBeVisible();
  await page.getByTestId('redo').click();
  await expect(edges(page)).toHaveCount(1);
  await expect(page.getByTestId('save-status')).toHaveText(/Draft · v1/); // back to what was saved

  // fixed and saved again: v2 runs; the versions panel shows both and restores the draft as v3
  await node(page, 'transform').click();
  await page.locator('#wfe-transform-expression').fill('1 + 1');
  await node(page, 'log').click();
  await page.locator('#wfe-log-message').fill('done');
  await expect(page.getByTestId('problem-list')).toContainText('No problems');
  await expect(page.getByTestId('save-status')).toHaveText('Unsaved changes');
  await expect(page.getByTestId('run')).toBeDisabled();

  // leaving with unsaved changes asks first; refusing keeps the editor
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await page.getByRole('link', { name: '← Workflows' }).click();
  await expect.poll(() => asked).toContain('unsaved changes');
  await expect(page).toHaveURL(new RegExp(`#/workflows/${id}$`));
  await expect(page.getByTestId('workflow-editor')).toBeVisible();

  await page.getByTestId('save').click();
  await expect(page.getByTestId('save-status')).toHaveText(/Saved · v2/);
  await expect(page.getByTestId('run')).toBeEnabled();
  await page.getByRole('tab', { name: 'Versions' }).click();
  await expect(page.getByTestId('version-2')).toContainText('current');
  await expect(page.getByTestId('version-1')).toContainText('draft · 2 problems');
  await page.getByTestId('version-1').getByRole('button', { name: 'View' }).click();
  await expect(page.getByTestId('node-problems-transform')).toBeVisible();
  await page.getByTestId('version-1').getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByTestId('save-status')).toHaveText(/Draft · v3/);
  await expect(page.getByTestId('run')).toBeDisabled();
  expect((await call<{ versions: { version: number; draft: boolean }[] }>(server, 'workflows.versions', { id })).versions.map((v) => [v.version, v.draft])).toEqual([
    [3, true],
    [2, false],
    [1, true],
  ]);
});

test('an imported file that fails validation opens as a draft with its errors; an unknown step type is an error node', async ({ page, server }) => {
  await openApp(page, server, 'workflows');
  const file = {
    name: 'Sync CRM',
    trigger: { type: 'manual' },
    nodes: [
      { id: 'fetch', type: 'transform', params: { expression: '{ "a": 1 }' }, position: { x: 0, y: 0 } },
      { id: 'sync', type: 'crm.sync', params: { list: 'leads' }, position: { x: 300, y: 0 } },
    ],
    edges: [{ from: 'fetch', to: 'sync' }],
  };
  await page.getByTestId('workflow-import-file').setInputFiles({ name: 'sync-crm.workflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page).toHaveURL(/#\/workflows\/new\?import=1$/);
  await expect(page.getByTestId('editor-notice')).toContainText('sync-crm.workflow.json');
  await expect(page.getByTestId('problem-list')).toContainText('nodes[1].type');
  await expect(node(page, 'sync')).toHaveAttribute('data-invalid', 'true');
  await expect(node(page, 'sync')).toContainText('unknown type “crm.sync”');
  await expect(node(page, 'fetch')).not.toHaveAttribute('data-invalid', 'true');
  await expect(page.getByTestId('run')).toBeDisabled();

  // saving keeps the file as written: nothing is dropped or fixed
  page.on('dialog', (d) => void d.accept());
  await page.getByTestId('save').click();
  await expect(page.getByTestId('save-status')).toHaveText(/Draft · v1/);
  const id = /#\/workflows\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
  const stored = await call<{ workflow: unknown; draft: boolean }>(server, 'workflows.get', { id });
  expect(stored.draft).toBe(true);
  expect(stored.workflow).toEqual(file);
});

test('copy, paste, delete and auto-layout work from the keyboard and the toolbar', async ({ page, server }) => {
  await openApp(page, server, 'workflows/new');
  await dropStep(page, 'transform', { x: 240, y: 100 });
  await dropBelow(page, 'log', 'transform');
  await connect(page, 'transform', 'out', 'log');
  await expect(edges(page)).toHaveCount(1);

  // select both (Ctrl+A), copy, paste: fresh ids, and the edge between them comes along
  await page.getByTestId('flow-canvas').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(node(page, 'transform_2')).toBeVisible();
  await expect(node(page, 'log_2')).toBeVisible();
  await expect(edges(page)).toHaveCount(2);

  // the pasted copy is selected: Delete removes it (and its edge) and nothing else
  await page.keyboard.press('Delete');
  await expect(node(page, 'transform_2')).toHaveCount(0);
  await expect(node(page, 'log_2')).toHaveCount(0);
  await expect(edges(page)).toHaveCount(1);

  // left to right along the edge, on one row (polled: the view re-fits with a short animation)
  await page.getByTestId('auto-layout').click();
  await expect
    .poll(async () => {
      const a = (await node(page, 'transform').boundingBox())!;
      const b = (await node(page, 'log').boundingBox())!;
      return b.x - (a.x + a.width) > 0 && Math.abs(a.y - b.y) < 2;
    })
    .toBe(true);
});

test('the cron trigger shows its next 5 fire times in the chosen timezone, and its errors as you type', async ({ page, server }) => {
  await openApp(page, server, 'workflows/new');
  await page.getByTestId('trigger-panel').getByRole('radio', { name: 'cron' }).click();
  await page.locator('#wfe-trigger-expr').fill('30 9 * * *');
  await page.locator('#wfe-trigger-tz').selectOption('Asia/Tokyo');
  const preview = page.getByTestId('cron-preview');
  await expect(preview).toContainText('Asia/Tokyo');
  await expect(preview.locator('li')).toHaveCount(5);
  await expect(preview.locator('li').first()).toContainText('09:30');

  await page.locator('#wfe-trigger-expr').fill('61 9 * * *');
  await expect(preview.locator('li')).toHaveCount(0);
  await expect(preview).toContainText('expr');
  await expect(node(page, '__trigger__')).toHaveAttribute('data-invalid', 'true');
});
