import { createCore, type Core } from '../../../src-main/core';
import type { AiTuning } from '../../../src-main/core/ai';
import { tempDir } from '../temp-dir';
import { afterEach, beforeEach } from 'vitest';
import { startFakeOpenAi, type FakeOpenAiServer } from './openai-server';

export const fakeKey = 'sk-test-fake-openai-key-000111222333';

/** Short waits so retry and timeout tests take milliseconds. */
export const quickAiTuning: AiTuning = { timeoutMs: 2_000, retry: { maxAttempts: 3, backoff: 'fixed', initialMs: 10, maxMs: 1_000, jitter: false } };

/** A real core whose model is the fake server, with the key set unless `withKey` is false. */
export function aiCore(server: FakeOpenAiServer | { url: string }, options: { withKey?: boolean; tuning?: AiTuning; env?: Record<string, string> } = {}): Core {
  const core = createCore({ dataDir: tempDir(), env: { LEVQOR_AI_BASE_URL: server.url, ...options.env }, logToFile: false, aiTuning: options.tuning ?? quickAiTuning });
  if (options.withKey !== false) core.secrets.set('openai.apiKey', fakeKey);
  return core;
}

/**
 * For a test file whose every test wants a fresh fake model server and a real core on it:
 * call once at the top; `server` and `core` are made before each test and closed after it.
 */
export function aiCoreEachTest(): { readonly server: FakeOpenAiServer; readonly core: Core } {
  let current: { server: FakeOpenAiServer; core: Core } | undefined;
  beforeEach(async () => {
    const server = await startFakeOpenAi();
    current = { server, core: aiCore(server) };
  });
  afterEach(async () => {
    current?.core.close();
    await current?.server.stop();
    current = undefined;
  });
  const now = () => {
    if (!current) throw new Error('aiCoreEachTest: read server and core inside a test');
    return current;
  };
  return {
    get server() {
      return now().server;
    },
    get core() {
      return now().core;
    },
  };
}
