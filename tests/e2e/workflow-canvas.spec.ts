import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { callApi, failOnPageErrors, node } from './workflow-helpers';

/** The canvas and the editor's frame: where new steps land, the minimap, the toolbar, the landmarks. */

test.beforeEach(({ page }) => failOnPageErrors(page));

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const sizes = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
];

/** 3 rows of 4 steps, chained: after a plain fit the last one sits in the corner the minimap takes. */
function grid(name: string, trigger: object = { type: 'manual' }) {
  const nodes: { id: string; type: string; params: Record<string, unknown>; position: { x: number; y: number } }[] = [];
  for (let r = 0; r < 3; r++) for (let c = 0; c < 4; c++) nodes.push({ id: `s${r}${c}`, type: 'log', params: { message: `step ${r}${c}` }, position: { x: c * 280, y: r * 150 } });
  const edges = nodes.slice(1).map((n, i) => ({ from: nodes[i]!.id, to: n.id }));
  return { name, trigger, nodes, edges };
}

/** Every node of the document is drawn inside the canvas, and neither the minimap nor the zoom buttons cover any of it. */
async function expectNothingHidden(page: Page, ids: readonly string[]): Promise<void> {
  await expect(page.locator('.react-flow__minimap')).toBeVisible();
  await expect(node(page, ids.at(-1)!)).toBeVisible();
  // the view settles (the fit runs again once React Flow has measured the nodes)
  await page.waitForTimeout(400);
  const pane = (await page.locator('.react-flow').first().boundingBox())!;
  const covers = [(await page.locator('.react-flow__minimap').boundingBox())!, (await page.locator('.react-flow__controls').boundingBox())!];
  for (const id of ['__trigger__', ...ids]) {
    const box = await node(page, id).boundingBox();
    expect(box, `${id} is drawn`).not.toBeNull();
    expect(box!.x >= pane.x && box!.y >= pane.y && box!.x + box!.width <= pane.x + pane.width && box!.y + box!.height <= pane.y + pane.height, `${id} is inside the canvas`).toBe(true);
    for (const c of covers) expect(overlaps(box!, c), `${id} is clear of the minimap and the zoom buttons`).toBe(false);
  }
}

test('steps added with Enter or a double-click in the palette go to a free spot, right of the selection', async ({ page, server }) => {
  await openApp(page, server, 'workflows/new');
  await page.getByTestId('palette-log').press('Enter');
  await expect(node(page, 'log')).toBeVisible();
  await page.getByTestId('palette-log').press('Enter');
  await expect(node(page, 'log_2')).toBeVisible();
  await page.getByTestId('palette-transform').dblclick();
  await expect(node(page, 'transform')).toBeVisible();
  // back to the first: the next goes right of it, below log_2 (which is there already)
  await page.getByTestId('problem-list').getByRole('button', { name: /nodes\[0\]/ }).click();
  await expect(node(page, 'log')).toHaveClass(/selected/);
  await page.getByTestId('palette-delay').press('Enter');
  await expect(node(page, 'delay')).toBeVisible();

  // the newest is in view, clear of the minimap
  const newest = (await node(page, 'delay').boundingBox())!;
  const map = (await page.locator('.react-flow__minimap').boundingBox())!;
  expect(overlaps(newest, map)).toBe(false);

  await page.getByTestId('save').click();
  await expect(page.getByTestId('save-status')).toHaveText(/v1/);
  const id = /#\/workflows\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
  const { workflow } = await callApi<{ workflow: { nodes: { id: string; position: { x: number; y: number } }[] } }>(server, 'workflows.get', { id });
  const at = new Map(workflow.nodes.map((n) => [n.id, n.position]));
  const step = (p: { x: number; y: number }): Box => ({ ...p, width: 220, height: 76 });
  for (const a of workflow.nodes) for (const b of workflow.nodes) if (a !== b) expect(overlaps(step(a.position), step(b.position)), `${a.id} and ${b.id} apart`).toBe(false);
  expect(at.get('log_2')!.x).toBeGreaterThan(at.get('log')!.x);
  expect(at.get('transform')!.x).toBeGreaterThan(at.get('log_2')!.x);
  expect(at.get('delay')!.x).toBe(at.get('log_2')!.x);
  expect(at.get('delay')!.y).toBeGreaterThan(at.get('log_2')!.y);
});

for (const size of sizes) {
  test(`the minimap never hides a node at ${size.width}×${size.height}: in the editor, the run view and after an import`, async ({ page, server }) => {
    await page.setViewportSize(size);
    const doc = grid('Grid');
    const ids = doc.nodes.map((n) => n.id);
    const { id } = await callApi<{ id: string }>(server, 'workflows.import', { workflow: doc });

    await openApp(page, server, `workflows/${id}`);
    await expectNothingHidden(page, ids);

    const run = await callApi<{ runId: string }>(server, 'workflows.run', { id, wait: true });
    await page.goto(`${server.baseUrl}#/workflows/${id}/runs/${run.runId}`);
    await expect(page.getByTestId('run-view')).toHaveAttribute('data-run-status', 'succeeded');
    await expectNothingHidden(page, ids);

    // a file that opens in the editor (it has a problem: a step with no message)
    await page.goto(`${server.baseUrl}#/workflows`);
    const file = grid('Imported grid');
    file.nodes[11]!.params = {};
    await page.getByTestId('workflow-import-file').setInputFiles({ name: 'grid.workflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await expect(page).toHaveURL(/#\/workflows\/new\?import=1$/);
    await expect(node(page, 's23')).toHaveAttribute('data-invalid', 'true');
    await expectNothingHidden(page, ids);
  });
}

test('the minimap can be hidden (and the choice is kept); the fit button keeps the graph clear of it', async ({ page, server }) => {
  await page.setViewportSize(sizes[1]!);
  const doc = grid('Grid');
  const { id } = await callApi<{ id: string }>(server, 'workflows.import', { workflow: doc });
  await openApp(page, server, `workflows/${id}`);
  await expect(page.locator('.react-flow__minimap')).toBeVisible();
  await page.getByTestId('minimap-toggle').click();
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
  await page.reload();
  await expect(node(page, 's00')).toBeVisible();
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
  await page.getByTestId('minimap-toggle').click();
  // pan the graph under the minimap, then fit: clear again
  await page.mouse.move(700, 300);
  await page.mouse.down();
  await page.mouse.move(1000, 600, { steps: 5 });
  await page.mouse.up();
  await page.getByTestId('fit-view').click();
  await expectNothingHidden(page, doc.nodes.map((n) => n.id));
});

test('the editor toolbar stays on one line at 1440 px (and 1280 px)', async ({ page, server }) => {
  const { id } = await callApi<{ id: string }>(server, 'workflows.import', { workflow: grid('A workflow with a name long enough to matter') });
  const oneLine = async () => {
    const bar = (await page.getByRole('toolbar', { name: 'Workflow editor' }).boundingBox())!;
    const run = (await page.getByTestId('run').boundingBox())!;
    const back = (await page.getByRole('link', { name: '← Workflows' }).boundingBox())!;
    expect(Math.abs(run.y + run.height / 2 - (back.y + back.height / 2)), 'Run sits on the same line as the back link').toBeLessThan(4);
    expect(bar.height).toBeLessThan(60);
  };
  for (const size of sizes) {
    await page.setViewportSize(size);
    await openApp(page, server, `workflows/${id}`);
    await expect(page.getByTestId('save-status')).toHaveText(/Saved/);
    await expect(page.getByTestId('problem-list')).toContainText('No problems');
    await oneLine();
    // the longest labels: unsaved changes with problems ("Save draft")
    await node(page, 's00').click();
    await page.locator('#wfe-s00-message').fill('');
    await expect(page.getByTestId('save')).toHaveText('Save draft');
    await expect(page.getByTestId('save-status')).toHaveText('Unsaved changes');
    await oneLine();
    await page.locator('#wfe-s00-message').fill('step 00');
    await expect(page.getByTestId('save-status')).toHaveText(/Saved/);
  }
});

test('the editor is inside the page\u2019s one main landmark', async ({ page, server }) => {
  await openApp(page, server, 'workflows/new');
  await expect(page.getByTestId('workflow-editor')).toBeVisible();
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Canvas' })).toBeVisible();
});
