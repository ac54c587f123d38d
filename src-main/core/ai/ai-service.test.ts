import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAiServer } from '../../../tests/helpers/ai/openai-server';
import { aiCore, fakeKey } from '../../../tests/helpers/ai/ai-core';
import { freePort } from '../../../tests/helpers/free-port';
import type { Core } from '..';

let server: FakeOpenAiServer;
const cores: Core[] = [];
const open = (...args: Parameters<typeof aiCore>) => {
  const core = aiCore(...args);
  cores.push(core);
  return core;
};
const ask = (core: Core, content = 'hello', signal?: AbortSignal) => core.ai.complete({ feature: 'chat', messages: [{ role: 'user', content }], ...(signal ? { signal } : {}) });

beforeEach(async () => {
  server = await startFakeOpenAi();
});
afterEach(async () => {
  for (const core of cores.splice(0)) core.close();
  await server.stop();
});

describe('AiService calls', () => {
  it('answers through the real openai client with the key, the model and the language line, and records a usage row with its cost', async () => {
    const core = open(server);
    core.settings.set('ai.language', 'Deutsch');
    server.reply({ kind: 'text', text: 'Hallo', usage: { prompt_tokens: 1_000_000, completion_tokens: 2_000_000 } });
    expect(await ask(core)).toBe('Hallo');
    expect(server.requests[0]).toMatchObject({ path: '/v1/chat/completions', authorization: `Bearer ${fakeKey}`, body: { model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'Answer in Deutsch.' }, { role: 'user', content: 'hello' }] } });
    expect(core.ai.usage(10)).toEqual([expect.objectContaining({ feature: 'chat', model: 'gpt-4o-mini', inputTokens: 1_000_000, outputTokens: 2_000_000, costMinor: 15 + 120, outcome: 'ok', error: null })]);
    core.settings.set('ai.prices', '{"gpt-4o-mini": {"input": 100, "output": 0}}');
    server.reply({ kind: 'text', text: 'x', usage: { prompt_tokens: 500_000, completion_tokens: 9 } });
    await ask(core);
    expect(core.ai.usage(1)[0]!.costMinor).toBe(50);
    expect(core.ai.status().month).toMatchObject({ calls: 2, inputTokens: 1_500_000, outputTokens: 2_000_009, costMinor: 185 });
  });

  it('streams text deltas as the server sends them, then records the streamed usage', async () => {
    const core = open(server);
    server.reply({ kind: 'stream', deltas: ['Hel', 'lo', ' there'], usage: { prompt_tokens: 7, completion_tokens: 3 } });
    const got: string[] = [];
    for await (const delta of core.ai.stream({ feature: 'chat', messages: [{ role: 'user', content: 'hi' }] })) got.push(delta);
    expect(got).toEqual(['Hel', 'lo', ' there']);
    expect(server.requests[0]!.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(core.ai.usage(1)[0]).toMatchObject({ inputTokens: 7, outputTokens: 3, outcome: 'ok' });
  });

  it('cancels the call when the caller stops reading a stream early', async () => {
    const core = open(server);
    server.reply({ kind: 'stream', deltas: ['one', 'two', 'three'], gapMs: 50 });
    for await (const delta of core.ai.stream({ feature: 'chat', messages: [{ role: 'user', content: 'hi' }] })) {
      expect(delta).toBe('one');
      break;
    }
    expect(core.ai.usage(1)[0]).toMatchObject({ outcome: 'cancelled' });
  });

  it('speaks tool calls on the wire (the fake server, for the assistants’ tools)', async () => {
    const core = open(server);
    server.reply({ kind: 'tool', name: 'health_summary', args: { days: 7 } });
    const calls = await core.ai.call({ feature: 'chat', messages: [{ role: 'user', content: 'how is the site?' }] }, async (client, model, messages, signal) => {
      const answer = await client.chat.completions.create({ model, messages, tools: [{ type: 'function', function: { name: 'health_summary', parameters: { type: 'object', properties: { days: { type: 'integer' } } } } }] }, { signal });
      return { value: answer.choices[0]!.message.tool_calls ?? [], usage: undefined };
    });
    expect(calls).toEqual([{ id: 'call_1', type: 'function', function: { name: 'health_summary', arguments: '{"days":7}' } }]);
    expect(server.requests[0]!.body.tools).toHaveLength(1);
  });

  it('retries a 429 after the Retry-After it asks for, and a 500, then answers', async () => {
    const core = open(server);
    server.reply({ kind: 'status', status: 429, retryAfter: '0.3' }, { kind: 'status', status: 500 }, { kind: 'text', text: 'finally' });
    expect(await ask(core)).toBe('finally');
    expect(server.requests).toHaveLength(3);
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(290);
    expect(core.ai.usage(5)).toHaveLength(1);
  });

  it('gives up after the policy\u2019s tries with one line, and never retries a 400', async () => {
    const core = open(server);
    server.reply({ kind: 'status', status: 503 }, { kind: 'status', status: 503 }, { kind: 'status', status: 503 });
    await expect(ask(core)).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/^The AI model at 127\.0\.0\.1:\d+ failed: 503/) });
    expect(server.requests).toHaveLength(3);
    server.reply({ kind: 'status', status: 400, message: 'bad model' });
    await expect(ask(core)).rejects.toThrow(/failed: 400 bad model/);
    expect(server.requests).toHaveLength(4);
    expect(core.ai.usage(5).map((r) => r.outcome)).toEqual(['failed', 'failed']);
  });

  it('says the key was refused, naming openai.apiKey, and never quotes it', async () => {
    const core = open(server);
    server.reply({ kind: 'status', status: 401, message: 'Incorrect API key provided' });
    const err = (await ask(core).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/refused the key \(secret openai\.apiKey\)/);
    expect(err.message).not.toContain(fakeKey);
  });

  it('is cancelled by the caller\u2019s signal, even while waiting out a Retry-After', async () => {
    const core = open(server);
    server.reply({ kind: 'status', status: 429, retryAfter: '30' });
    const controller = new AbortController();
    const pending = ask(core, 'hello', controller.signal);
    setTimeout(() => controller.abort(), 100);
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED', message: 'The AI call was cancelled.' });
    expect(core.ai.usage(1)[0]).toMatchObject({ outcome: 'cancelled' });
  });

  it('times out a slow server with one line', async () => {
    const core = open(server, { tuning: { timeoutMs: 200, retry: { maxAttempts: 1, backoff: 'fixed', initialMs: 0, maxMs: 0, jitter: false } } });
    server.reply({ kind: 'slow', ms: 2_000, then: { kind: 'text', text: 'late' } });
    await expect(ask(core)).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/gave no answer within 0\.2 s\.$/) });
    expect(core.ai.usage(1)[0]).toMatchObject({ outcome: 'timeout' });
  });

  it('says a base URL that does not answer does not answer, naming ai.baseUrl', async () => {
    const core = open({ url: `http://127.0.0.1:${await freePort()}/v1` });
    await expect(ask(core)).rejects.toMatchObject({ code: 'UNAVAILABLE', field: 'ai.baseUrl', message: expect.stringMatching(/^The AI model at 127\.0\.0\.1:\d+ does not answer \(setting ai\.baseUrl\)/) });
  });

  it('without a key says so in one line naming openai.apiKey, and sends nothing', async () => {
    const core = open(server, { withKey: false });
    await expect(ask(core)).rejects.toMatchObject({ code: 'UNAVAILABLE', field: 'openai.apiKey', message: 'No AI key: set the secret openai.apiKey (levqor secrets set openai.apiKey, or OPENAI_API_KEY).' });
    expect(core.ai.status()).toMatchObject({ configured: false, reason: expect.stringContaining('openai.apiKey') });
    expect(server.requests).toHaveLength(0);
    expect(core.ai.usage(5)).toEqual([]);
  });

  it('refuses a feature turned off, and a call over the month\u2019s token budget, sending nothing', async () => {
    const core = open(server);
    core.settings.set('ai.features', '{"chat": false}');
    await expect(ask(core)).rejects.toMatchObject({ message: 'The AI feature chat is turned off (setting ai.features).' });
    core.settings.set('ai.features', '{}');
    core.settings.set('ai.monthlyTokenBudget', 20);
    server.reply({ kind: 'text', text: 'one', usage: { prompt_tokens: 12, completion_tokens: 6 } });
    await ask(core);
    await expect(ask(core)).rejects.toMatchObject({ field: 'ai.monthlyTokenBudget', message: 'The AI budget for this month is used up: 18 of 20 tokens (setting ai.monthlyTokenBudget).' });
    expect(server.requests).toHaveLength(1);
  });

  it('sends no stored secret, token, email or phone number to the model server', async () => {
    const core = open(server, { env: { STRIPE_SECRET_KEY: 'sk_test_plantedStripeKey1234567890' } });
    core.secrets.set('smtp.password', 'planted-smtp-pw-xyzzy');
    core.secrets.setFor('backup.repositoryPassword', 'nightly', 'planted-restic-pw-plugh');
    const context = 'smtp planted-smtp-pw-xyzzy, restic planted-restic-pw-plugh, stripe sk_test_plantedStripeKey1234567890, Bearer planted.bearer.token99, mail jane.doe@customer.example, phone +1 415 555 0199';
    server.reply({ kind: 'text', text: 'ok' }, { kind: 'stream', deltas: ['ok'] });
    await ask(core, context);
    for await (const _ of core.ai.stream({ feature: 'explain', messages: [{ role: 'system', content: context }] })) void _;
    const sent = server.everythingSent();
    for (const planted of ['planted-smtp-pw-xyzzy', 'planted-restic-pw-plugh', 'plantedStripeKey1234567890', 'planted.bearer.token99', 'jane.doe@customer.example', '555 0199']) expect(sent).not.toContain(planted);
    expect(sent).toContain('[secret]');
    expect(sent).toContain('[email]');
  });

  it('tests the openai.apiKey secret by listing models', async () => {
    const core = open(server);
    expect(await core.secrets.test('openai.apiKey')).toMatchObject({ outcome: 'ok', message: expect.stringMatching(/^the key works at 127\.0\.0\.1:\d+: 1 models available$/) });
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/v1/models' });
  });
});
