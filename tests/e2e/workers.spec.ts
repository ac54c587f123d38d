import { spawnWorker, type WorkerProcess } from '../helpers/workers/spawn-worker';
import { startPostgres } from '../helpers/postgres-server';
import { callAsPage, expect, keepScreenshot, openApp, test } from './fixtures';

/**
 * The Workers section of Settings against a real shared Postgres and one real `levqor worker`
 * process: the preflight gating queue mode, the worker's row, a run it drove, and the worker
 * marked stopped after SIGTERM.
 */
test('with no shared Postgres the Workers section says so and refuses to turn queue mode on', async ({ page, server }) => {
  await openApp(page, server, 'settings');
  const workers = page.getByTestId('queue-mode').locator('..');
  await expect(page.getByTestId('workers-offline')).toContainText('No shared Postgres is set');
  await expect(page.getByTestId('queue-mode-value')).toHaveText('off');
  await expect(page.getByTestId('queue-mode-toggle')).toBeDisabled();
  await expect(page.getByTestId('queue-preflight-problem')).toContainText('database.url: no shared Postgres is configured');
  await expect(workers.getByTestId('worker-row')).toHaveCount(0);
});

test('queue mode on: the worker the shared Postgres knows, a run it drove, and the worker stopped', async ({ page, levqor }) => {
  test.setTimeout(90_000);
  const pg = await startPostgres();
  const url = await pg.createDatabase('workers_e2e');
  // the worker migrates the shared schema on start, so the preflight passes
  let worker: WorkerProcess | undefined = await spawnWorker(url);
  try {
    const server = await levqor.start({ env: { LEVQOR_DATABASE_URL: url } });
    await openApp(page, server, 'settings');
    await expect(page.getByTestId('queue-mode-value')).toHaveText('off');
    await expect(page.getByTestId('queue-mode-refused')).toHaveCount(0);
    const row = page.getByTestId('worker-row');
    await expect(row).toHaveCount(1);
    await expect(row).toHaveAttribute('data-state', 'running');
    await expect(row).toContainText(worker.startLine.split(' ')[2]!.replace(/:$/, ''));
    await expect(row).toContainText('levqor-runs');

    await page.getByTestId('queue-mode-toggle').click();
    await expect(page.getByTestId('queue-mode-value')).toHaveText('on');

    const saved = await callAsPage(page, server, 'workflows.save', {
      workflow: { name: 'worker hello', trigger: { type: 'manual' }, nodes: [{ id: 'l', type: 'log', params: { message: 'hello' } }], edges: [] },
      enabled: true,
    });
    expect(saved.ok(), await saved.text()).toBe(true);
    const { id } = (await saved.json()) as { id: string };
    const queued = await callAsPage(page, server, 'workers.enqueue', { workflowId: id });
    expect(queued.ok(), await queued.text()).toBe(true);

    const run = page.getByTestId('shared-run-row').filter({ hasText: 'worker hello' });
    await expect(run.getByTestId('shared-run-status')).toHaveText('succeeded', { timeout: 20_000 });
    await expect(run).toContainText(worker.startLine.split(' ')[2]!.replace(/:$/, ''));
    await keepScreenshot(page, 'workers-view');

    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    worker = undefined;
    await expect(row.getByTestId('worker-state')).toHaveText('stopped', { timeout: 15_000 });
  } finally {
    worker?.child.kill('SIGKILL');
    await worker?.exited;
    await pg.stop();
  }
});
