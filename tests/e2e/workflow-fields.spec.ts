import { expect, openApp, test } from './fixtures';
import { callApi, failOnPageErrors, node } from './workflow-helpers';

/** The editor's fields: JSON that does not parse, the event and cron triggers, the trigger's icon. */

test.beforeEach(({ page }) => failOnPageErrors(page));

const idInUrl = (url: string) => /#\/workflows\/([0-9a-f-]{36})$/.exec(url)![1]!;

test('a JSON field that does not parse is a problem on its step and in the list; the draft keeps the text exactly as typed', async ({ page, server }) => {
  await openApp(page, server, 'workflows/new');
  await page.getByTestId('palette-http.request').press('Enter');
  await expect(node(page, 'request')).toBeVisible();
  await page.locator('#wfe-request-url').fill('https://shop.example/api/refunds');
  await page.locator('#wfe-request-method').selectOption('POST');
  const typed = '{ "order": 1, amount: 12';
  await page.locator('#wfe-request-body').fill(typed);

  const problems = page.getByTestId('problem-list');
  await expect(problems).toContainText('1 problem');
  await expect(problems).toContainText('nodes[0].params.body');
  await expect(problems).toContainText('is not valid JSON');
  await expect(page.getByTestId('field-errors-body')).toContainText('is not valid JSON');
  await expect(node(page, 'request')).toHaveAttribute('data-invalid', 'true');
  await expect(page.getByTestId('node-problems-request')).toContainText('params.body: is not valid JSON');
  await expect(page.getByTestId('save')).toHaveText('Save draft');

  await page.getByTestId('save').click();
  await expect(page.getByTestId('save-status')).toHaveText(/Draft · v1/);
  await expect(page.getByTestId('run')).toBeDisabled();
  const id = idInUrl(page.url());
  const stored = await callApi<{ draft: boolean; workflow: { nodes: { params: Record<string, unknown> }[] }; problems: { path: string }[] }>(server, 'workflows.get', { id });
  expect(stored.draft).toBe(true);
  expect(stored.problems.map((p) => p.path)).toEqual(['nodes[0].params.body']);
  expect(stored.workflow.nodes[0]!.params.body).toEqual({ $unparsedJson: typed });

  // reopened: the same characters, still a problem
  await page.reload();
  await node(page, 'request').click();
  await expect(page.locator('#wfe-request-body')).toHaveValue(typed);
  await expect(problems).toContainText('nodes[0].params.body');

  // fixed: no problems, and the body is the object
  await page.locator('#wfe-request-body').fill('{ "order": 1, "amount": 12 }');
  await expect(problems).toContainText('No problems');
  await expect(page.getByTestId('save')).toHaveText('Save');
  await page.getByTestId('save').click();
  await expect(page.getByTestId('save-status')).toHaveText(/Saved · v2/);
  const fixed = await callApi<{ workflow: { nodes: { params: Record<string, unknown> }[] } }>(server, 'workflows.get', { id });
  expect(fixed.workflow.nodes[0]!.params.body).toEqual({ order: 1, amount: 12 });
});

test('a number field holding text that is not a number keeps it in the draft and is a problem in the list, not silently the old value', async ({ page, server }) => {
  await openApp(page, server, 'workflows/new');
  await page.getByTestId('palette-http.request').press('Enter');
  await page.locator('#wfe-request-url').fill('https://shop.example/api/orders');
  const timeout = page.locator('#wfe-request-timeoutMs');
  await timeout.fill('5000');
  const problems = page.getByTestId('problem-list');
  await expect(problems).toContainText('No problems');
  await timeout.fill('5,5');
  await expect(problems).toContainText('nodes[0].params.timeoutMs');
  await expect(page.getByTestId('field-errors-timeoutMs')).toContainText('must be a number; "5,5" is not one');
  await expect(page.getByTestId('save')).toHaveText('Save draft');
  await page.getByTestId('save').click();
  await expect(page.getByTestId('save-status')).toHaveText(/Draft · v1/);
  const stored = await callApi<{ workflow: { nodes: { params: Record<string, unknown> }[] } }>(server, 'workflows.get', { id: idInUrl(page.url()) });
  expect(stored.workflow.nodes[0]!.params.timeoutMs).toBe('5,5');
  await page.reload();
  await node(page, 'request').click();
  await expect(page.locator('#wfe-request-timeoutMs')).toHaveValue('5,5');
});

test('the event trigger says nothing before an event is chosen, and its filter that does not parse is a problem', async ({ page, server }) => {
  await openApp(page, server, 'workflows/new');
  await page.getByTestId('palette-log').press('Enter');
  await page.locator('#wfe-log-message').fill('an event came');
  const panel = page.getByTestId('trigger-panel');
  await page.getByRole('tab', { name: 'Workflow' }).click();
  await panel.getByRole('radio', { name: 'event', exact: true }).click();
  await expect(page.getByTestId('problem-list')).toContainText('trigger.event');
  // no list of every event anywhere, and no error under the untouched select
  await expect(page.getByTestId('workflow-editor')).not.toContainText('unknown event');
  await expect(panel.locator('.wfe-field__errors')).toHaveCount(0);

  await page.locator('#wfe-trigger-event').selectOption('run.finished');
  await expect(page.getByTestId('problem-list')).toContainText('No problems');
  const typed = '{ "status": "failed", ';
  await page.locator('#wfe-trigger-filter').fill(typed);
  await expect(page.getByTestId('problem-list')).toContainText('trigger.filter');
  await expect(panel.locator('.wfe-field__errors')).toContainText('is not valid JSON');
  await expect(node(page, '__trigger__')).toHaveAttribute('data-invalid', 'true');
  await page.getByTestId('save').click();
  await expect(page.getByTestId('save-status')).toHaveText(/Draft · v1/);
  const stored = await callApi<{ workflow: { trigger: Record<string, unknown> } }>(server, 'workflows.get', { id: idInUrl(page.url()) });
  expect(stored.workflow.trigger.filter).toEqual({ $unparsedJson: typed });
});

test('cron errors name each bad field with what was typed, in the words of the hint', async ({ page, server }) => {
  await openApp(page, server, 'workflows/new');
  await page.getByTestId('trigger-panel').getByRole('radio', { name: 'cron' }).click();
  const expr = page.locator('#wfe-trigger-expr');
  const errors = page.getByTestId('trigger-panel').locator('.wfe-field__errors');

  await expr.fill('0 9 * * mon-fry');
  await expect(errors).toContainText('day of week: `mon-fry` — `fry` is not a day name');
  await expect(page.getByTestId('cron-preview')).toContainText('day of week: `mon-fry`');
  await expect(page.getByTestId('workflow-editor')).not.toContainText('1-fry');
  await expect(page.getByTestId('workflow-editor')).not.toContainText('illegal characters');

  // every bad field, not only the last
  await expr.fill('61 25 * * mon-fry');
  await expect(errors).toContainText('minute: `61` is out of range (0–59)');
  await expect(errors).toContainText('hour: `25` is out of range (0–23)');
  await expect(errors).toContainText('day of week: `mon-fry`');

  // the hint lists what each field takes in the very words of the errors
  const hint = page.getByTestId('cron-hint');
  await hint.getByText('What each field takes').click();
  const dayOfWeek = (await hint.locator('li', { hasText: 'day of week' }).innerText()).replace(/^day of week: /, '');
  await expect(errors).toContainText(`(${dayOfWeek})`);
  const minute = (await hint.locator('li', { hasText: 'minute' }).innerText()).replace(/^minute: /, '');
  await expect(errors).toContainText(`minute: \`61\` is out of range (${minute})`);

  await expr.fill('0 9 * * mon-fri');
  await expect(errors).toHaveCount(0);
  await expect(page.getByTestId('cron-preview').locator('li')).toHaveCount(5);
});

test('each trigger type draws its icon (no empty box where a font lacks a symbol)', async ({ page, server }) => {
  await openApp(page, server, 'workflows/new');
  // the named event triggers (shared/triggers) show their title on their tab
  for (const [type, tab] of [['manual', 'manual'], ['cron', 'cron'], ['event', 'event'], ['webhook', 'webhook'], ['lead.created', 'New lead'], ['stripe.event', 'Stripe event']] as const) {
    await page.getByTestId('trigger-panel').getByRole('radio', { name: tab, exact: true }).click();
    const icon = node(page, '__trigger__').locator('.fc-trigger-icon');
    await expect(icon.locator(`svg[data-icon="${type}"] path`)).toHaveCount(1);
    expect((await icon.innerText()).trim(), 'no symbol character that a font may lack').toBe('');
    const drawn = (await icon.locator('svg').boundingBox())!;
    expect(drawn.width).toBeGreaterThan(8);
  }
});
