import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import OpenAI from 'openai';
import { startFakeOpenAi, type FakeOpenAiServer } from '../tests/helpers/ai/openai-server';
import { builtCore } from './built-core';
import { percentile, type Report } from './measure';

const calls = 200;
const streams = 30;
const key = 'sk-bench-fake-key-0000000000000000';
const messages = [{ role: 'user' as const, content: 'How is the site doing this week? Write to ops@example.com if not.' }];

async function timedCalls(n: number, call: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 10; i++) await call();
  const took: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await call();
    took.push(performance.now() - t);
  }
  return took.sort((a, b) => a - b);
}

/** Milliseconds from the fake server writing the first delta to the caller holding it, per stream. */
async function firstDeltaDelays(server: FakeOpenAiServer, n: number, stream: () => AsyncIterable<unknown>): Promise<number[]> {
  const delays: number[] = [];
  for (let i = 0; i < n; i++) {
    server.reply({ kind: 'stream', deltas: ['first', ' second'], gapMs: 5 });
    const sentBefore = server.deltaSentAt.length;
    let got: number | undefined;
    for await (const _ of stream()) got ??= performance.now();
    delays.push(got! - server.deltaSentAt[sentBefore]!);
  }
  return delays.sort((a, b) => a - b);
}

/**
 * The model layer's own cost: a chat completion through core.ai as it ships (checks, redaction,
 * retry wrapper, usage row in SQLite) beside the same request straight through the openai
 * client, both against the local fake server; and how soon a streamed delta reaches the caller
 * after the server writes it.
 */
export async function aiLayerBench(report: Report): Promise<void> {
  const server = await startFakeOpenAi();
  const dataDir = mkdtempSync(join(tmpdir(), 'levqor-bench-ai-'));
  const { createCore } = await builtCore();
  const core = createCore({ dataDir, env: { LEVQOR_AI_BASE_URL: server.url, OPENAI_API_KEY: key }, logToFile: false });
  try {
    const plain = new OpenAI({ apiKey: key, baseURL: server.url, maxRetries: 0 });
    const straight = await timedCalls(calls, () => plain.chat.completions.create({ model: 'gpt-4o-mini', messages }));
    const layered = await timedCalls(calls, () => core.ai.complete({ feature: 'chat', messages }));
    const p95 = percentile(layered, 95);
    const p95Straight = percentile(straight, 95);
    report({ name: `core.ai.complete against the local fake server, p95 of ${calls}`, value: p95, unit: 'ms', reference: { name: 'the openai client straight to it', value: p95Straight } });
    report({ name: 'the layer\u2019s added latency (p95 difference)', value: Math.max(0, p95 - p95Straight), unit: 'ms', target: '≤ 10 ms' });
    report({ name: 'the layer\u2019s added latency (median difference)', value: Math.max(0, percentile(layered, 50) - percentile(straight, 50)), unit: 'ms' });
    const plainFirst = await firstDeltaDelays(server, streams, async function* () {
      for await (const chunk of await plain.chat.completions.create({ model: 'gpt-4o-mini', messages, stream: true })) yield chunk;
    });
    const layerFirst = await firstDeltaDelays(server, streams, () => core.ai.stream({ feature: 'chat', messages }));
    report({ name: `first streamed delta in the caller\u2019s hands after the server wrote it, through core.ai.stream, p95 of ${streams}`, value: percentile(layerFirst, 95), unit: 'ms', reference: { name: 'the openai client straight', value: percentile(plainFirst, 95) }, target: '≤ 50 ms (to the screen)' });
  } finally {
    core.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
