import { startFakeOpenAi, type FakeOpenAiServer } from '../helpers/ai/openai-server';
import { api } from './api';
import { expect, keepScreenshot, openApp, test } from './fixtures';
import type { LevqorServer } from './server-process';

/** A stored workflow whose one GET fails for good (the fake server answers 404 at that path), run once. */
async function failedRun(server: LevqorServer, ai: FakeOpenAiServer): Promise<{ workflowId: string; runId: string }> {
  const workflow = { name: 'Fetch orders', trigger: { type: 'manual' }, nodes: [{ id: 'fetch', type: 'http.request', params: { url: `${ai.url}/orders-typo` } }], edges: [] };
  const { id } = await api<{ id: string }>(server, 'workflows.import', { workflow });
  const run = await api<{ runId: string; status: string }>(server, 'workflows.run', { id, wait: true });
  expect(run.status).toBe('failed');
  return { workflowId: id, runId: run.runId };
}

/** Any one line does for the fake model (tests/helpers/ai/ai-core.ts loads the core, which a spec does not). */
const fakeKey = 'sk-test-fake-openai-key-e2e';

let ai: FakeOpenAiServer;
test.beforeEach(async () => {
  ai = await startFakeOpenAi();
});
test.afterEach(async () => {
  await ai.stop();
});

test('a failed run is explained: the cause, the explanation, and its fix applied to a disabled draft opened in the editor', async ({ page, levqor }) => {
  const server = await levqor.start({ env: { LEVQOR_AI_BASE_URL: ai.url, OPENAI_API_KEY: fakeKey } });
  const { workflowId, runId } = await failedRun(server, ai);
  const goodUrl = `${ai.url}/models`;
  ai.reply({ kind: 'json', value: { cause: 'The orders URL has a typo.', explanation: 'The server answered 404: nothing lives at /orders-typo.', fix: { kind: 'param', stepId: 'fetch', param: 'url', value: goodUrl } } });

  await openApp(page, server, `workflows/${workflowId}/runs/${runId}`);
  const explain = page.getByTestId('run-explain');
  await explain.getByRole('button', { name: 'Explain this failure' }).click();
  await expect(explain.getByTestId('run-explain-cause')).toHaveText('The orders URL has a typo.');
  await expect(explain).toContainText('nothing lives at /orders-typo');
  await expect(explain).toContainText('in a new, disabled copy of the workflow');
  await keepScreenshot(page, 'ai-explain-answer');

  await explain.getByRole('button', { name: 'Apply to a draft' }).click();
  await expect(page).toHaveURL(/#\/workflows\/[^/]+$/);
  const draftId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]!);
  expect(draftId).not.toBe(workflowId);
  const draft = await api<{ enabled: boolean; name: string; workflow: { nodes: Array<{ params: { url: string } }> } }>(server, 'workflows.get', { id: draftId });
  expect(draft).toMatchObject({ enabled: false, name: expect.stringMatching(/^Fetch orders \(fix from run …/), workflow: { nodes: [{ params: { url: goodUrl } }] } });
  const original = await api<{ enabled: boolean; workflow: { nodes: Array<{ params: { url: string } }> } }>(server, 'workflows.get', { id: workflowId });
  expect(original.workflow.nodes[0]!.params.url).toBe(`${ai.url}/orders-typo`);
});

test('without a key the button answers with one clear line', async ({ page, levqor }) => {
  const server = await levqor.start({ env: { LEVQOR_AI_BASE_URL: ai.url } });
  const { workflowId, runId } = await failedRun(server, ai);
  await openApp(page, server, `workflows/${workflowId}/runs/${runId}`);
  const explain = page.getByTestId('run-explain');
  await explain.getByRole('button', { name: 'Explain this failure' }).click();
  await expect(explain.getByTestId('run-explain-error')).toContainText('No AI key: set the secret openai.apiKey');
  expect(ai.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(0);
});
