import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import type { EventName, Transport } from '../shared/contract';
import { createHttpTransport } from '../src-renderer/src/api/http-transport';
import { startFakeOpenAi } from '../tests/helpers/ai/openai-server';
import { levqorBin, repoRoot } from '../tests/helpers/cli';
import { median, percentile, type Report } from './measure';

const turns = 30;

/**
 * The page's own HTTP client (src-renderer/src/api/http-transport.ts) in this process, as a
 * browser holding a session would run it: the session in localStorage, the Origin and
 * Sec-Fetch-Site headers a browser adds by itself.
 */
async function pageTransport(base: string, token: string): Promise<Transport> {
  const origin = base.replace(/\/$/, '');
  const res = await fetch(`${base}auth/session`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', origin }, body: '{}' });
  const { session } = (await res.json()) as { session: string };
  const stored = new Map([['levqor.session', session]]);
  Object.assign(globalThis, { localStorage: { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => stored.set(k, v), removeItem: (k: string) => stored.delete(k) } });
  const plainFetch = globalThis.fetch;
  globalThis.fetch = (input, init = {}) => plainFetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), origin, 'sec-fetch-site': 'same-origin' } });
  return createHttpTransport(`${base}api`);
}

/** Resolves with when the first event matching `match` reached the client after `start()` ran. */
function firstEvent(transport: Transport, match: (name: EventName, payload: Record<string, unknown>) => boolean, start: () => Promise<unknown>): Promise<number> {
  return new Promise((resolve, reject) => {
    const off = transport.subscribe((name, payload) => {
      if (!match(name, payload as Record<string, unknown>)) return;
      off();
      resolve(performance.now());
    });
    start().catch(reject);
  });
}

/**
 * "First streamed token on screen": a chat turn on a real `levqor serve`, the fake model server
 * in this process; from the server writing the first delta to the page's client holding it as a
 * chat.delta event. Beside it, the same stream's plain event delivery: a settings.set call until
 * its settings.changed event reaches the same client.
 */
export async function aiChatStreamBench(report: Report): Promise<void> {
  const model = await startFakeOpenAi();
  const dataDir = mkdtempSync(join(tmpdir(), 'levqor-bench-chat-'));
  const child = spawn(process.execPath, [levqorBin, '--data-dir', dataDir, 'serve', '--port', '0'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LEVQOR_LAUNCH_STAGE: '', LEVQOR_AI_BASE_URL: model.url, OPENAI_API_KEY: 'sk-bench-fake-key-0000000000000000' },
  });
  const plainFetch = globalThis.fetch;
  try {
    const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
    const [, base, token] = /at (\S+?\/)\?token=(\S+)/.exec(line)!;
    const transport = await pageTransport(base!, token!);
    // the event stream is opened by the first subscription; wait until it delivers
    await firstEvent(transport, (name) => name === 'settings.changed', () => transport.call('settings.set', { key: 'ai.language', value: '' }));
    const onScreen: number[] = [];
    const plain: number[] = [];
    for (let i = 0; i < turns; i++) {
      model.reply({ kind: 'stream', deltas: ['first', ' second'], gapMs: 5 });
      const sentBefore = model.deltaSentAt.length;
      let turnId: string | undefined;
      const got = await firstEvent(
        transport,
        (name, payload) => name === 'chat.delta' && (turnId === undefined || payload.turnId === turnId),
        async () => ({ turnId } = (await transport.call('chat.send', { message: `How is the site doing? (${i})` })) as { turnId: string }),
      );
      onScreen.push(got - model.deltaSentAt[sentBefore]!);
      const asked = performance.now();
      plain.push((await firstEvent(transport, (name) => name === 'settings.changed', () => transport.call('settings.set', { key: 'ai.language', value: i % 2 ? '' : 'English' }))) - asked);
      await new Promise((r) => setTimeout(r, 30));
    }
    onScreen.sort((a, b) => a - b);
    plain.sort((a, b) => a - b);
    report({
      name: `first streamed token on screen: the fake server writing it → the page\u2019s HTTP client holding it as chat.delta (levqor serve), p95 of ${turns}`,
      value: percentile(onScreen, 95),
      unit: 'ms',
      reference: { name: 'plain event delivery on the same stream (settings.set → settings.changed at the client, a whole call included)', value: percentile(plain, 95) },
      target: '≤ 50 ms',
    });
    report({ name: 'the same, median', value: median(onScreen), unit: 'ms', reference: { name: 'plain event delivery, median', value: median(plain) } });
  } finally {
    globalThis.fetch = plainFetch;
    child.kill('SIGTERM');
    await model.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
