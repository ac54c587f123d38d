import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAiServer } from '../../../../tests/helpers/ai/openai-server';
import { aiCores } from '../../../../tests/helpers/ai/ai-core';
import type { EventName } from '../../../../shared/contract';
import type { Core } from '../..';
import { chatTools, maxToolRounds } from '.';

let server: FakeOpenAiServer;
const { open, closeAll } = aiCores();

beforeEach(async () => {
  server = await startFakeOpenAi();
});
afterEach(async () => {
  closeAll();
  await server.stop();
});

const plantedSecret = 'plantedSmtpHunter2xyz';
const plantedEmail = 'angry.customer@shop.example';

/** A workflow that fails with the planted secret and email in its error, run `n` times. */
async function seedFailedRuns(core: Core, n: number): Promise<string> {
  core.secrets.set('smtp.password', plantedSecret);
  const { id } = core.workflows.import({ name: 'Invoice chaser', trigger: { type: 'manual' }, nodes: [{ id: 'boom', type: 'transform', params: { expression: `$error("login ${plantedSecret} refused for ${plantedEmail}")` } }], edges: [] });
  for (let i = 0; i < n; i++) await core.workflows.run({ id, wait: true });
  return id;
}

type ToolMessage = { role: string; content: string; tool_call_id?: string };
const messagesOf = (i: number) => server.requests[i]!.body.messages as ToolMessage[];

/** Every chat.* event of the core, in order. */
function record(core: Core): { name: EventName; payload: Record<string, unknown> }[] {
  const seen: { name: EventName; payload: Record<string, unknown> }[] = [];
  core.events.subscribe((name, payload) => {
    if (name.startsWith('chat.')) seen.push({ name, payload: payload as Record<string, unknown> });
  });
  return seen;
}

async function until<T>(read: () => T | undefined): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const v = read();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('timed out waiting');
}

describe('the chat assistant', () => {
  it('runs the tool the model asks for over the real data, sends the result back redacted, and streams the answer', async () => {
    const core = open(server);
    const workflowId = await seedFailedRuns(core, 3);
    server.reply(
      { kind: 'tool', name: 'recent_runs', args: { status: 'failed' } },
      { kind: 'tool', name: 'suggest_link', args: { label: 'Open the failed runs', href: `#/workflows/${workflowId}` } },
      { kind: 'stream', deltas: ['3 runs ', 'failed.'] },
    );
    const deltas: string[] = [];
    const done = await core.chat.turn({ history: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'hello' }], message: `What failed? I am ${plantedEmail}`, onDelta: (d) => deltas.push(d) });
    expect(done).toEqual({ answer: '3 runs failed.', actions: [{ label: 'Open the failed runs', href: `#/workflows/${workflowId}` }], tools: ['recent_runs', 'suggest_link'] });
    expect(deltas).toEqual(['3 runs ', 'failed.']);
    expect(server.requests).toHaveLength(3);
    expect((server.requests[0]!.body.tools as { function: { name: string } }[]).map((t) => t.function.name)).toContain('recent_runs');
    const toolAnswer = messagesOf(1).at(-1)!;
    expect(toolAnswer).toMatchObject({ role: 'tool', tool_call_id: 'call_1' });
    const result = JSON.parse(toolAnswer.content) as { count: number; runs: { status: string; workflowName: string; error: string }[] };
    expect(result.count).toBe(3);
    expect(result.runs.every((r) => r.status === 'failed' && r.workflowName === 'Invoice chaser')).toBe(true);
    expect(result.runs[0]!.error).toContain('[secret]');
    expect(result.runs[0]!.error).toContain('[email]');
    expect(messagesOf(1).at(-2)).toMatchObject({ role: 'assistant', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'recent_runs', arguments: '{"status":"failed"}' } }] });
    expect(server.everythingSent()).not.toContain(plantedSecret);
    expect(server.everythingSent()).not.toContain(plantedEmail);
    expect(core.ai.usage(10).map((u) => u.outcome)).toEqual(['ok', 'ok', 'ok']);
  });

  it('every reading tool answers over a fresh core without an error', async () => {
    const core = open(server);
    for (const tool of chatTools.filter((t) => t.name !== 'suggest_link')) {
      server.requests.length = 0;
      server.reply({ kind: 'tool', name: tool.name, args: {} }, { kind: 'text', text: 'ok' });
      expect((await core.chat.turn({ history: [], message: tool.name })).tools).toEqual([tool.name]);
      const result = JSON.parse(messagesOf(1).at(-1)!.content) as Record<string, unknown>;
      expect({ tool: tool.name, error: result.error }).toEqual({ tool: tool.name, error: undefined });
    }
  });

  it('answers a tool call that does not fit with the field and the rule, and refuses a link outside the app', async () => {
    const core = open(server);
    server.reply({ kind: 'tool', name: 'recent_runs', args: { status: 'exploded' } }, { kind: 'tool', name: 'suggest_link', args: { label: 'Pay', href: 'https://evil.example' } }, { kind: 'text', text: 'Sorry.' });
    const done = await core.chat.turn({ history: [], message: 'runs?' });
    expect(done).toEqual({ answer: 'Sorry.', actions: [], tools: ['recent_runs', 'suggest_link'] });
    expect(JSON.parse(messagesOf(1).at(-1)!.content).error).toMatch(/^status: /);
    expect(JSON.parse(messagesOf(2).at(-1)!.content).error).toMatch(/^href: must be a route of the app/);
  });

  it(`stops offering tools after ${maxToolRounds} rounds, so the model must answer`, async () => {
    const core = open(server);
    for (let i = 0; i < maxToolRounds + 1; i++) server.reply({ kind: 'tool', name: 'health_summary', args: {} });
    const done = await core.chat.turn({ history: [], message: 'loop' });
    expect(server.requests).toHaveLength(maxToolRounds + 1);
    expect(server.requests[maxToolRounds - 1]!.body.tools).toBeDefined();
    expect(server.requests[maxToolRounds]!.body.tools).toBeUndefined();
    expect(done).toEqual({ answer: '', actions: [], tools: ['health_summary'] });
    const health = JSON.parse(messagesOf(1).at(-1)!.content) as { score: number; failedRuns24h: number };
    expect(typeof health.score).toBe('number');
  });

  it('streams a started turn as chat.* events addressed to its id, and cancel stops it', async () => {
    const core = open(server);
    const seen = record(core);
    server.reply({ kind: 'tool', name: 'launches', args: {} }, { kind: 'stream', deltas: ['No ', 'products yet.'] });
    const { turnId } = core.chat.start({ history: [], message: 'launches?' });
    const done = await until(() => seen.find((e) => e.name === 'chat.done'));
    expect(seen.map((e) => [e.name, e.payload.turnId])).toEqual([
      ['chat.tool', turnId],
      ['chat.delta', turnId],
      ['chat.delta', turnId],
      ['chat.done', turnId],
    ]);
    expect(done.payload).toEqual({ turnId, answer: 'No products yet.', actions: [], tools: ['launches'] });

    server.reply({ kind: 'stream', deltas: ['one', 'two', 'three', 'four'], gapMs: 100 });
    const second = core.chat.start({ history: [], message: 'slow' });
    await until(() => seen.find((e) => e.name === 'chat.delta' && e.payload.turnId === second.turnId));
    expect(core.chat.cancel(second.turnId)).toEqual({ cancelled: true });
    const failed = await until(() => seen.find((e) => e.name === 'chat.failed'));
    expect(failed.payload).toEqual({ turnId: second.turnId, message: 'The AI call was cancelled.', code: 'CANCELLED' });
    expect(core.chat.cancel(second.turnId)).toEqual({ cancelled: false });
    expect(core.ai.usage(1)[0]).toMatchObject({ outcome: 'cancelled' });
  });

  it('without a key the turn fails with the model layer\u2019s one line and nothing reaches the server', async () => {
    const core = open(server, { withKey: false });
    const seen = record(core);
    const { turnId } = core.chat.start({ history: [], message: 'hello' });
    const failed = await until(() => seen.find((e) => e.name === 'chat.failed'));
    expect(failed.payload).toEqual({ turnId, code: 'UNAVAILABLE', message: 'No AI key: set the secret openai.apiKey (levqor secrets set openai.apiKey, or OPENAI_API_KEY).' });
    await expect(core.chat.turn({ history: [], message: 'hello' })).rejects.toThrow(/^No AI key/);
    expect(server.requests).toHaveLength(0);
  });
});
