import { startFakeOpenAi, type FakeOpenAiServer, type FakeReply } from '../helpers/ai/openai-server';
import { api } from './api';
import { expect, keepScreenshot, openApp, test } from './fixtures';

/** The tool result the model got last, as the app sent it in the request's messages. */
function lastToolResult(body: Record<string, unknown>): { count: number; runs: { id: string; workflowId: string }[] } {
  const messages = body.messages as { role: string; content: string }[];
  return JSON.parse(messages.filter((m) => m.role === 'tool').at(-1)!.content);
}

/** The model's part of one turn: read the failed runs, propose opening the newest, then say how many there are. */
function scriptFailedRunsTurn(model: FakeOpenAiServer, hold?: Promise<unknown>): void {
  let failed = { count: -1, runs: [] as { id: string; workflowId: string }[] };
  model.reply(
    { kind: 'tool', name: 'recent_runs', args: { status: 'failed' } },
    {
      kind: 'from-request',
      make: (body): FakeReply => {
        failed = lastToolResult(body);
        const run = failed.runs[0]!;
        return { kind: 'tool', name: 'suggest_link', args: { label: 'Open the newest failed run', href: `#/workflows/${run.workflowId}/runs/${run.id}` } };
      },
    },
    { kind: 'from-request', make: (): FakeReply => ({ kind: 'stream', deltas: ['You have ', `${failed.count} failed runs`, ' of Invoice chaser.'], ...(hold ? { hold } : {}) }) },
  );
}

test('the assistant opens from two areas, streams an answer citing the real count of failed runs, and its button opens the run', async ({ page, levqor }) => {
  test.setTimeout(60_000);
  const model = await startFakeOpenAi();
  try {
    const server = await levqor.start({ env: { LEVQOR_AI_BASE_URL: model.url, OPENAI_API_KEY: 'sk-e2e-fake-openai-key-0000000000' } });
    const { id } = await api<{ id: string }>(server, 'workflows.import', { workflow: { name: 'Invoice chaser', trigger: { type: 'manual' }, nodes: [{ id: 'boom', type: 'transform', params: { expression: '$error("no")' } }], edges: [] } });
    for (let i = 0; i < 3; i++) await api(server, 'workflows.run', { id, wait: true });

    await openApp(page, server, 'guardian');
    await page.getByTestId('chat-toggle').click();
    const panel = page.getByTestId('chat-panel');
    await expect(panel).toBeVisible();
    let release = () => {};
    scriptFailedRunsTurn(model, new Promise<void>((resolve) => (release = resolve)));
    await panel.getByLabel('Your question').fill('Which runs failed?');
    await panel.getByRole('button', { name: 'Ask' }).click();
    const answer = panel.getByTestId('chat-answer').last();
    // the first pieces show while the rest is still coming
    await expect(answer).toContainText('You have 3 failed runs');
    await expect(answer).toHaveAttribute('aria-busy', 'true');
    await expect(answer).not.toContainText('Invoice chaser');
    release();
    await expect(answer).toContainText('You have 3 failed runs of Invoice chaser.');
    await expect(answer).toHaveAttribute('aria-busy', 'false');
    await expect(answer).toContainText('looked at: recent runs, suggest link');
    await keepScreenshot(page, 'ai-chat-panel');

    await page.goto(`${server.baseUrl}#/revenue`);
    await expect(page.getByRole('heading', { name: 'Revenue', level: 1 })).toBeVisible();
    // the panel stays open across areas; closed, it keeps the conversation
    await expect(panel).toBeVisible();
    await panel.getByRole('button', { name: 'Close the assistant' }).click();
    await expect(panel).toBeHidden();
    await page.keyboard.press('Control+j');
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId('chat-answer')).toHaveCount(1);
    scriptFailedRunsTurn(model);
    await panel.getByLabel('Your question').fill('And now?');
    await panel.getByLabel('Your question').press('Enter');
    await expect(panel.getByTestId('chat-answer')).toHaveCount(2);
    await expect(panel.getByTestId('chat-answer').last()).toContainText('You have 3 failed runs of Invoice chaser.');
    // the second turn carried the first question and answer as its history
    const sent = model.requests.at(-1)!.body.messages as { role: string; content: string }[];
    expect(sent.map((m) => m.content)).toEqual(expect.arrayContaining(['Which runs failed?', 'You have 3 failed runs of Invoice chaser.', 'And now?']));

    await panel.getByTestId('chat-answer').last().getByTestId('chat-action').click();
    await expect(page).toHaveURL(new RegExp(`#/workflows/${id}/runs/[^/]+$`));
    await panel.getByRole('button', { name: 'New conversation' }).click();
    await expect(panel.getByTestId('chat-answer')).toHaveCount(0);
  } finally {
    await model.stop();
  }
});

test('without a key the panel says so in one line and links to Settings', async ({ page, levqor }) => {
  const model = await startFakeOpenAi();
  try {
    const server = await levqor.start({ env: { LEVQOR_AI_BASE_URL: model.url, OPENAI_API_KEY: '' } });
    await openApp(page, server, 'approvals');
    await page.keyboard.press('Control+j');
    const panel = page.getByTestId('chat-panel');
    await panel.getByLabel('Your question').fill('hello');
    await panel.getByRole('button', { name: 'Ask' }).click();
    await expect(panel.getByTestId('chat-failure')).toHaveText('No AI key: set the secret openai.apiKey (levqor secrets set openai.apiKey, or OPENAI_API_KEY). Open Settings');
    await panel.getByRole('link', { name: 'Open Settings' }).click();
    await expect(page).toHaveURL(/#\/settings$/);
    expect(model.requests).toHaveLength(0);
  } finally {
    await model.stop();
  }
});
