import { startFakeOpenAi, type FakeOpenAiServer } from '../helpers/ai/openai-server';
import { api } from './api';
import { expect, keepScreenshot, openApp, test } from './fixtures';
import { node } from './workflow-helpers';

/** The model's answer as the json_schema asks for it: params as JSON text. */
function answer(explanation: string, nodes: Array<{ id: string; type: string; params: unknown }>, edges: Array<{ from: string; to: string }>) {
  return {
    explanation,
    workflow: {
      name: 'Site check',
      description: '',
      trigger: { type: 'cron', optionsJson: '{"expr":"0 9 * * 1-5"}' },
      nodes: nodes.map((n) => ({ id: n.id, type: n.type, name: '', paramsJson: JSON.stringify(n.params) })),
      edges: edges.map((e) => ({ ...e, fromPort: null })),
    },
  };
}

const check = { id: 'check', type: 'http.request', params: { url: 'https://shop.example' } };
const generated = answer('Every weekday at 9 it checks the site, then tells you.', [check, { id: 'tell', type: 'notify.founder', params: { title: 'Site checked' } }], [{ from: 'check', to: 'tell' }]);
const changed = answer('Adds a log line after the check.', [{ ...check, params: { url: 'https://shop.example/health' } }, { id: 'note', type: 'log', params: { message: 'checked' } }], [{ from: 'check', to: 'note' }]);

let model: FakeOpenAiServer;
test.beforeEach(async () => {
  model = await startFakeOpenAi();
});
test.afterEach(async () => {
  await model.stop();
});

/** Any value: the fake model server takes every key (tests/helpers/ai/ai-core.ts imports the core, which a spec must not). */
const fakeKey = 'sk-test-fake-openai-key-e2e';
const aiEnv = () => ({ LEVQOR_AI_BASE_URL: model.url, OPENAI_API_KEY: fakeKey });

test('a sentence becomes a workflow opened in the editor as an unsaved draft beside the explanation; saving keeps it off', async ({ page, levqor }) => {
  const server = await levqor.start({ env: aiEnv() });
  model.reply({ kind: 'json', value: generated });
  await openApp(page, server, 'workflows');
  await page.getByLabel('Describe a workflow').fill('every weekday at 9, check the site and tell me on Telegram if it\u2019s down');
  await keepScreenshot(page, 'ai-workflow-describe');
  await page.getByRole('button', { name: 'Build it with AI' }).click();

  await expect(page.getByTestId('workflow-editor')).toBeVisible();
  await expect(page.getByTestId('assistant-explanation')).toContainText('Every weekday at 9 it checks the site, then tells you.');
  await expect(page.getByTestId('editor-notice')).toContainText('unsaved draft');
  await expect(node(page, 'check')).toBeVisible();
  await expect(node(page, 'tell')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('Unsaved import');
  expect((await api<{ workflows: unknown[] }>(server, 'workflows.list', {})).workflows).toEqual([]);
  await keepScreenshot(page, 'ai-workflow-draft');

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText(/Saved · v1/);
  const { workflows } = await api<{ workflows: Array<{ name: string; enabled: boolean }> }>(server, 'workflows.list', {});
  expect(workflows).toEqual([expect.objectContaining({ name: 'Site check', enabled: false })]);
});

test('"Change with AI" on an open workflow shows the diff; Accept saves it as a new version, still off', async ({ page, levqor }) => {
  const server = await levqor.start({ env: aiEnv() });
  const saved = await api<{ id: string }>(server, 'workflows.save', {
    workflow: { name: 'Site check', trigger: { type: 'cron', expr: '0 9 * * 1-5' }, nodes: [{ id: 'check', type: 'http.request', params: { url: 'https://shop.example' }, position: { x: 0, y: 0 } }], edges: [] },
    enabled: false,
  });
  model.reply({ kind: 'json', value: changed });
  await openApp(page, server, `workflows/${saved.id}`);
  await expect(page.getByTestId('workflow-editor')).toBeVisible();
  await page.getByRole('tab', { name: 'AI' }).click();
  await page.getByLabel('Change this workflow so that…').fill('check the health page and log it');
  await page.getByRole('button', { name: 'Change with AI' }).click();

  const diff = page.getByTestId('ai-diff');
  await expect(diff).toContainText('+ step note (log)');
  await expect(diff).toContainText('~ step check (http.request)');
  await expect(diff).toContainText('url: "https://shop.example" → "https://shop.example/health"');
  await expect(diff).toContainText('+ edge check → note');
  await expect(node(page, 'note')).toBeVisible(); // the proposal on the canvas
  await keepScreenshot(page, 'ai-workflow-diff');

  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByTestId('editor-notice')).toContainText('Accepted the assistant\u2019s change');
  await expect(page.getByTestId('save-status')).toHaveText(/Saved · v2/);
  const stored = await api<{ version: number; enabled: boolean; workflow: { nodes: Array<{ id: string; params: Record<string, unknown> }> } }>(server, 'workflows.get', { id: saved.id });
  expect(stored).toMatchObject({ version: 2, enabled: false });
  expect(stored.workflow.nodes.map((n) => n.id)).toEqual(['check', 'note']);
  expect(stored.workflow.nodes[0]!.params.url).toBe('https://shop.example/health');
});
