import { expect, openApp, test } from './fixtures';
import { callApi, failOnPageErrors, node } from './workflow-helpers';
import { chain } from '../helpers/workflows/documents';

/** Data for building a workflow: a webhook's URL, secret and a test call; earlier steps' outputs to pick expressions from. */

test.beforeEach(({ page }) => failOnPageErrors(page));

test('the step panel shows the last run\u2019s output of earlier steps; a click puts its expression into the field being edited', async ({ page, server }) => {
  const doc = chain(
    [
      { id: 'calc', type: 'transform', params: { expression: "{ 'total': 42, 'items': [{ 'sku': 'A-1' }] }" } },
      { id: 'check', type: 'condition', params: { expression: 'true' } },
      { id: 'note', type: 'log', params: { message: 'placeholder' } },
    ],
    { name: 'Order total' },
  );
  doc.edges = [
    { from: 'calc', to: 'check' },
    { from: 'check', fromPort: 'true', to: 'note' },
  ] as typeof doc.edges;
  const { id } = await callApi<{ id: string }>(server, 'workflows.import', { workflow: doc });
  await callApi(server, 'workflows.run', { id, wait: true });

  await openApp(page, server, `workflows/${id}`);
  await node(page, 'note').click();
  const data = page.getByTestId('step-data');
  await expect(data).toContainText('last run');
  await expect(data).toContainText('calc');
  await expect(data).toContainText('check');

  // a template in a text param, at the caret
  const message = page.locator('#wfe-note-message');
  await message.fill('total: ');
  await data.locator('[data-expression="steps.calc.output.total"]').click();
  await expect(message).toHaveValue('total: {{ steps.calc.output.total }}');
  await message.press('End');
  await message.pressSequentially(', first sku ');
  await data.locator('[data-expression="steps.calc.output.items[0].sku"]').click();
  await expect(message).toHaveValue('total: {{ steps.calc.output.total }}, first sku {{ steps.calc.output.items[0].sku }}');

  // a bare path in an expression field (condition), replacing the selection
  await node(page, 'check').click();
  const expression = page.locator('#wfe-check-expression');
  await expression.selectText();
  await page.getByTestId('step-data').locator('[data-expression="steps.calc.output.total"]').click();
  await expect(expression).toHaveValue('steps.calc.output.total');
  await expression.press('End');
  await expression.pressSequentially(' > 40');

  // the expressions are the engine's: saved and run, the log says the values
  await page.getByTestId('save').click();
  await expect(page.getByTestId('save-status')).toHaveText(/Saved · v2/);
  const run = await callApi<{ runId: string; status: string }>(server, 'workflows.run', { id, wait: true });
  expect(run.status).toBe('succeeded');
  const detail = await callApi<{ logs: { message: string }[] }>(server, 'runs.get', { id: run.runId });
  expect(detail.logs.map((l) => l.message)).toContain('total: 42, first sku A-1');
});

test('a webhook\u2019s URL and secret copy with one click; listening for a test call shows its body and offers it as sample input', async ({ page, context, server }) => {
  const doc = chain([{ id: 'note', type: 'log', params: { message: 'order {{ trigger.body.order }}' } }], { name: 'New order', trigger: { type: 'webhook', path: 'new-order', respond: 'immediately' } });
  const { id } = await callApi<{ id: string }>(server, 'workflows.import', { workflow: doc });
  const { webhook } = await callApi<{ webhook: { url: string; secret: string } }>(server, 'workflows.get', { id });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl.replace(/\/$/, '') });

  await openApp(page, server, `workflows/${id}`);
  await page.getByRole('tab', { name: 'Workflow' }).click();
  const url = `${server.baseUrl.replace(/\/$/, '')}${webhook.url}`;
  await expect(page.getByTestId('webhook-url')).toHaveText(url);
  await page.getByTestId('copy-webhook-url').click();
  await expect(page.getByTestId('copy-webhook-url')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await page.getByTestId('copy-webhook-secret').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(webhook.secret);

  await page.getByTestId('listen-for-call').click();
  await expect(page.getByTestId('webhook-listen')).toContainText('Waiting for the next call');
  const res = await fetch(url, { method: 'POST', headers: { 'x-levqor-secret': webhook.secret, 'content-type': 'application/json' }, body: JSON.stringify({ order: 7, email: 'ada@example.com' }) });
  expect(res.status).toBe(202);
  const body = page.getByTestId('webhook-call-body');
  await expect(body).toContainText('"order": 7');
  await expect(body).toContainText('"email": "ada@example.com"');
  await page.getByTestId('use-sample-input').click();
  await expect(page.getByTestId('use-sample-input')).toHaveText('Used as sample input');

  // the step data panel offers the sample's fields
  await node(page, 'note').click();
  const data = page.getByTestId('step-data');
  await expect(data).toContainText('trigger (sample input)');
  const message = page.locator('#wfe-note-message');
  await message.fill('email ');
  await data.locator('[data-expression="trigger.body.email"]').click();
  await expect(message).toHaveValue('email {{ trigger.body.email }}');
});
